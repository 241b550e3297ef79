/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- dev-only tool, never shipped in the n8n package */
/**
 * PostgreSQL and Redis for n8n's queue mode come from Debian packages. A developer machine usually has them; a CI
 * machine starts without them, so the first caller installs them (`apt-get update` once, then `apt-get install`),
 * which needs root. Only the binaries are used: the system services are never started or relied upon.
 * Run directly (`npx tsx scripts/services/debian.ts`) to install ahead of the tests, as `.ci/run` does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The newest installed PostgreSQL's bin folder (`/usr/lib/postgresql/<major>/bin`), or undefined. */
export function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin/initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(root, majors[0], 'bin') : undefined;
}

export function redisServerBin(): string | undefined {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
}

function run(command: string, args: string[]): void {
	const started = Date.now();
	console.log(`  • ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
	console.log(`    done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Installs `postgresql` and `redis-server` from Debian when their binaries are missing. */
export function ensureQueueServices(): { postgresBin: string; redisBin: string } {
	const missing = [...(postgresBinDir() ? [] : ['postgresql']), ...(redisServerBin() ? [] : ['redis-server'])];
	if (missing.length) {
		if (process.getuid?.() !== 0) {
			throw new Error(`n8n's queue mode needs ${missing.join(' and ')}: install them (sudo apt-get install -y ${missing.join(' ')}) and run again.`);
		}
		console.log(`▶ Installing ${missing.join(', ')} from Debian for n8n's queue mode (first time only)`);
		run('apt-get', ['update']);
		// Another apt run (e.g. a Chromium install) may hold the lock: wait for it instead of failing.
		run('apt-get', ['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=600', ...missing]);
	}
	const postgresBin = postgresBinDir();
	const redisBin = redisServerBin();
	if (!postgresBin || !redisBin) throw new Error('PostgreSQL or Redis is still missing after apt-get install');
	return { postgresBin, redisBin };
}

if (require.main === module) {
	try {
		const found = ensureQueueServices();
		console.log(`  PostgreSQL in ${found.postgresBin}, Redis at ${found.redisBin}`);
	} catch (error) {
		console.error(`✖ ${(error as Error).message}`);
		process.exit(1);
	}
}
