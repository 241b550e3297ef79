/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- dev-only tool, never shipped in the n8n package */
// The browser test (test/ui/) drives the system Chromium from Debian's packages; playwright-core never downloads a
// browser. A fresh CI machine has none: as root this installs it with apt-get, once; elsewhere it says what to
// install. LINKKIT_CHROMIUM points at another Chromium binary instead. `npm test` runs this before the suites.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
	return process.env.LINKKIT_CHROMIUM || DEFAULT_CHROMIUM;
}

function run(command: string, args: string[]): void {
	console.log(`  $ ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

export function ensureChromium(): string {
	const path = chromiumPath();
	if (existsSync(path)) return path;
	if (process.env.LINKKIT_CHROMIUM) throw new Error(`LINKKIT_CHROMIUM points at ${path}, which does not exist`);
	if (process.getuid?.() !== 0) {
		throw new Error(`No Chromium at ${path}: install Debian's chromium package (sudo apt-get install chromium) or set LINKKIT_CHROMIUM`);
	}
	console.log('▶ Installing Chromium from Debian packages for the browser test (first run only)');
	run('apt-get', ['update', '-o', 'DPkg::Lock::Timeout=600']);
	run('apt-get', ['install', '-y', '-o', 'DPkg::Lock::Timeout=600', 'chromium']);
	if (!existsSync(path)) throw new Error(`apt-get installed chromium, but ${path} is still missing`);
	return path;
}

if (require.main === module) console.log(`  Chromium: ${ensureChromium()}`);
