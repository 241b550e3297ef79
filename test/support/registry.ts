/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- dev-only test code, never shipped in the n8n package */
/**
 * A private npm registry for a test: Verdaccio (a devDependency) on 127.0.0.1, its storage in a temp folder and no
 * uplinks, so it serves only what the test publishes and never asks the public registry for anything. Its log (JSON
 * lines, one per request) goes to $LINKKIT_LOG_DIR, and `requests()` tells what clients asked it for. Stop it in
 * `afterAll`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from '../../scripts/n8n/instance';
import { pinnedNodeEnv } from '../../scripts/n8n/provision';

/** What the registry answers for `GET /<name>` (the parts a test reads). */
export interface Packument {
	'dist-tags': Record<string, string>;
	versions: Record<string, { version: string; dist: { tarball: string; integrity: string; attestations?: unknown } }>;
}

export interface RunningRegistry {
	/** e.g. http://127.0.0.1:4873 (no trailing slash, as n8n stores it). */
	url: string;
	logFile: string;
	/** `npm publish <tarball> --tag <tag>`, as the package's maintainer would, with a token for this registry only. */
	publish(tarball: string, tag?: string): Promise<void>;
	metadata(name: string): Promise<Packument>;
	/** Downloads the tarball the registry serves for `name@version` into `dir`; returns its path. */
	download(name: string, version: string, dir: string): Promise<string>;
	/** Every request the registry received so far, as "METHOD /path". */
	requests(): string[];
	stop(): Promise<void>;
}

export async function startRegistry(): Promise<RunningRegistry> {
	const home = mkdtempSync(join(tmpdir(), 'linkkit-registry-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	// No `uplinks` and no `proxy`: a package the test did not publish is a 404, never a fetch from npmjs.org. The web
	// UI and the audit middleware (which proxies to npmjs.org) stay off.
	writeFileSync(
		join(home, 'config.yaml'),
		[
			`storage: ${join(home, 'storage')}`,
			`auth: { htpasswd: { file: ${join(home, 'htpasswd')} } }`,
			'uplinks: {}',
			"packages: { '**': { access: $all, publish: $authenticated } }",
			'web: { enable: false }',
			'log: { type: stdout, format: json, level: http }',
		].join('\n'),
	);
	const logDir = process.env.LINKKIT_LOG_DIR ?? join(repoRoot, 'tmp/logs');
	mkdirSync(logDir, { recursive: true });
	const logFile = join(logDir, `verdaccio-${port}.log`);
	const log = createWriteStream(logFile);
	let text = '';
	const child = spawn(process.execPath, [join(repoRoot, 'node_modules/verdaccio/bin/verdaccio'), '--config', join(home, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
		env: pinnedNodeEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	for (const stream of [child.stdout, child.stderr]) {
		stream.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			log.write(chunk);
		});
	}
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const stop = async () => {
		process.removeListener('exit', killOnExit);
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		}
		await new Promise((resolve) => log.end(resolve));
		rmSync(home, { recursive: true, force: true });
	};

	try {
		await waitUntilUp(url, () => child.exitCode, () => text);
	} catch (error) {
		await stop();
		throw error;
	}

	// A user of this registry only, so that `npm publish` has a token: the token goes into an npmrc in the temp
	// folder (Verdaccio's log shows an Authorization header as "<Classified>").
	const user = `publisher-${randomBytes(4).toString('hex')}`;
	const signup = await fetch(`${url}/-/user/org.couchdb.user:${user}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: user, password: randomBytes(12).toString('hex') }),
	});
	const { token } = (await signup.json()) as { token?: string };
	if (!token) throw new Error(`Verdaccio did not register a publisher (${signup.status})`);
	const npmrc = join(home, 'npmrc');
	writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);

	const metadata = async (name: string): Promise<Packument> => {
		const answer = await fetch(`${url}/${name}`);
		if (!answer.ok) throw new Error(`GET /${name} answered ${answer.status}`);
		return (await answer.json()) as Packument;
	};
	return {
		url,
		logFile,
		async publish(tarball, tag = 'latest') {
			// --userconfig: this registry and its token only (not ~/.npmrc); --tag: npm 11 wants one for a prerelease.
			await runNpm(['publish', tarball, '--userconfig', npmrc, '--registry', `${url}/`, '--tag', tag, '--ignore-scripts', '--loglevel=error']);
		},
		metadata,
		async download(name, version, dir) {
			const tarballUrl = (await metadata(name)).versions[version]?.dist.tarball;
			if (!tarballUrl) throw new Error(`the registry has no ${name}@${version}`);
			const answer = await fetch(tarballUrl);
			if (!answer.ok) throw new Error(`GET ${tarballUrl} answered ${answer.status}`);
			mkdirSync(dir, { recursive: true });
			const file = join(dir, tarballUrl.split('/').pop() as string);
			writeFileSync(file, Buffer.from(await answer.arrayBuffer()));
			return file;
		},
		requests() {
			return readLog(text);
		},
		stop,
	};
}

/** "METHOD /path" of each request in Verdaccio's JSON log. */
function readLog(text: string): string[] {
	const seen: string[] = [];
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		try {
			const entry = JSON.parse(line) as { sub?: string; req?: { method: string; url: string } };
			if (entry.sub === 'in' && entry.req) seen.push(`${entry.req.method} ${entry.req.url}`);
		} catch {
			// Not a log entry (Node's own warnings).
		}
	}
	return seen;
}

async function waitUntilUp(url: string, exitCode: () => number | null, log: () => string): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (exitCode() !== null) throw new Error(`Verdaccio exited (code ${exitCode()}):\n${log().slice(-2000)}`);
		try {
			if ((await fetch(`${url}/-/ping`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`Verdaccio was not up after 60 s:\n${log().slice(-2000)}`);
}

function runNpm(args: string[], cwd = repoRoot): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', args, { cwd, env: pinnedNodeEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`npm ${args[0]} failed (exit ${code}): ${err}`))));
	});
}

/**
 * The same package under another version: the tarball unpacked, `version` changed in that copy's package.json,
 * packed again into `dir` (code and files unchanged). Returns the new tarball's path.
 */
export async function repackWithVersion(tarball: string, version: string, dir: string): Promise<string> {
	const unpacked = join(dir, `unpacked-${version}`);
	rmSync(unpacked, { recursive: true, force: true });
	mkdirSync(unpacked, { recursive: true });
	await runCommand('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	const manifestFile = join(unpacked, 'package.json');
	writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), version }, null, 2));
	const name = (await runNpm(['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], unpacked)).trim().split('\n').pop() as string;
	rmSync(unpacked, { recursive: true, force: true });
	return join(dir, name);
}

export function runCommand(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
		let err = '';
		child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${err}`))));
	});
}
