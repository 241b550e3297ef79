/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- dev-only tool, never shipped in the n8n package */
/**
 * The browser test (test/ui) drives Debian's Chromium; no test tool downloads a browser of its own. A developer
 * machine may have it; a CI machine starts without it, so the first caller installs it (`apt-get update`, then
 * `apt-get install chromium`), which needs root. Run directly (`npx tsx scripts/chromium.ts`) to install ahead of the
 * tests, as `.ci/run` does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

function run(command: string, args: string[]): void {
	const started = Date.now();
	console.log(`  • ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
	console.log(`    done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Debian's Chromium, installed first when missing; returns its path. */
export function ensureChromium(): string {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	if (process.getuid?.() !== 0) {
		throw new Error(`The browser test needs Chromium at ${CHROMIUM}: install it (sudo apt-get install -y chromium) and run again.`);
	}
	console.log('▶ Installing Chromium from Debian for the browser test (first time only)');
	run('apt-get', ['update']);
	// Another apt run (PostgreSQL and Redis for the queue suite) may hold the lock: wait for it instead of failing.
	run('apt-get', ['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=600', 'chromium']);
	if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but there is no ${CHROMIUM}`);
	return CHROMIUM;
}

if (require.main === module) {
	try {
		const path = ensureChromium();
		const version = spawnSync(path, ['--version'], { encoding: 'utf8' });
		console.log(`  ${(version.stdout || version.stderr).trim()} at ${path}`);
	} catch (error) {
		console.error(`✖ ${(error as Error).message}`);
		process.exit(1);
	}
}
