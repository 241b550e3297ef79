/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- Zapier app tests, never shipped in the n8n package */
/**
 * `npm run zip` for the tests, also where zapier/node_modules is a symlink (a git worktree sharing another checkout's
 * node_modules). The CLI's build traces what the app requires with esbuild, which follows the symlink to the other
 * checkout: the dependencies land outside the zip's app folder and the CLI's own test of the build fails with
 * "Cannot find module 'zapier-platform-core'". In that case the zip is built in a stage in the temp folder — the app
 * and ../core copied, node_modules as hard links to the real files (a full copy across file systems) — and the
 * finished zip copied back. The stage
 * builds exactly what `npm run zip` builds (same scripts, same sources, same dependency files); with a real
 * node_modules the zip is built in place, as before.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', 'lib', 'build', '.env', 'definition.json', 'zapierwrapper.js']);

function run(command: string, args: string[], cwd: string): void {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
}

/** Builds `<appDir>/build/build.zip` (build, validate, zip); a failed build leaves no zip behind. */
export function buildZip(appDir: string): void {
	const zip = join(appDir, 'build', 'build.zip');
	rmSync(zip, { force: true });
	const modules = join(appDir, 'node_modules');
	if (!lstatSync(modules).isSymbolicLink()) {
		try {
			run('npm', ['run', '--silent', 'zip'], appDir);
		} catch (error) {
			rmSync(zip, { force: true });
			throw error;
		}
		return;
	}
	const stage = mkdtempSync(join(tmpdir(), 'linkkit-zapier-stage-'));
	try {
		const stagedApp = join(stage, 'zapier');
		cpSync(appDir, stagedApp, { recursive: true, filter: (source) => source === appDir || !SKIP.has(source.slice(appDir.length + 1).split('/')[0]) });
		cpSync(join(appDir, '..', 'core'), join(stage, 'core'), { recursive: true });
		// Hard links: real files for esbuild, the same bytes without a copy; `-a` keeps the packages' own symlinks (.bin).
		try {
			run('cp', ['-al', realpathSync(modules), join(stagedApp, 'node_modules')], stage);
		} catch {
			rmSync(join(stagedApp, 'node_modules'), { recursive: true, force: true });
			run('cp', ['-a', realpathSync(modules), join(stagedApp, 'node_modules')], stage);
		}
		run('npm', ['run', '--silent', 'zip'], stagedApp);
		mkdirSync(join(appDir, 'build'), { recursive: true });
		for (const name of ['build.zip', 'source.zip']) {
			if (existsSync(join(stagedApp, 'build', name))) cpSync(join(stagedApp, 'build', name), join(appDir, 'build', name));
		}
	} finally {
		rmSync(stage, { recursive: true, force: true });
	}
}
