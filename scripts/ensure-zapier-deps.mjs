// The Zapier app under zapier/ has its own dependencies. `npm install` at the root cannot bring them in
// (the root package.json is also the published n8n package, and n8n forbids install-time scripts), so the
// scripts that need them call this: it installs once, and again only when zapier/package-lock.json changes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function ensureZapierDependencies(root) {
	const app = join(root, 'zapier');
	const lock = join(app, 'package-lock.json');
	if (!existsSync(join(app, 'package.json'))) return;
	const marker = join(app, 'node_modules/.linkkit-installed');
	const wanted = existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : 'no-lock';
	if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return;
	console.log('\n▶ Installing the Zapier app dependencies (zapier/, first run only)');
	const result = spawnSync('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: app, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`npm install in zapier/ failed (exit ${result.status})`);
	writeFileSync(marker, wanted);
}

if (import.meta.filename === process.argv[1]) await ensureZapierDependencies(join(import.meta.dirname, '..'));
