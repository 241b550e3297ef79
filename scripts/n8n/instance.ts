/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- dev-only tool, never shipped in the n8n package */
/**
 * A real n8n for the e2e suite and the playground: a fresh user folder, our packed tarball installed the way a
 * user's install does it, bound to 127.0.0.1 on free ports with telemetry and outbound calls off, its log in
 * $LINKKIT_LOG_DIR (scanned for the test key). n8n must be provisioned first (`provision.ts`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { n8nBin, pinnedNodeEnv } from './provision';

export const repoRoot = join(__dirname, '../..');

export interface StartOptions {
	/** Folder for n8n's data (database, installed nodes); wiped first. */
	userFolder: string;
	/** Where n8n's log goes. Default `$LINKKIT_LOG_DIR` or tmp/logs. */
	logDir?: string;
	/** The package tarball to install into `<userFolder>/.n8n/nodes` before start. */
	tarball?: string;
	/** Fixed port (the playground); default a free one. */
	port?: number;
	/** Run before the server starts, with the CLI ready (imports need no server). */
	beforeStart?: (n8n: N8nCli) => Promise<void> | void;
	/**
	 * `start` (the default: the main process with the editor, REST API, webhooks and trigger polls), `worker` (queue
	 * mode: runs executions taken from Redis; `url` is then its health server, which `port` sets) or `webhook` (queue
	 * mode: a process that only receives production webhook calls and enqueues their executions; `url` is its server).
	 */
	command?: 'start' | 'worker' | 'webhook';
	/** Extra arguments for the command, e.g. `['--concurrency=5']` for a worker. */
	args?: string[];
	/** Environment added on top of the defaults (queue mode: database, Redis, executions mode). */
	env?: Record<string, string>;
	/** Shared by every process of one instance (main and workers); default a random one. */
	encryptionKey?: string;
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface N8nCli {
	userFolder: string;
	env: NodeJS.ProcessEnv;
	/**
	 * Runs `n8n <args>` against the same database, on its own task-broker port (a running server holds one).
	 * Asynchronous on purpose: a test's in-process sandbox must keep answering while n8n runs a workflow.
	 */
	cli(args: string[]): Promise<CliResult>;
	importCredentials(credentials: object[]): Promise<void>;
	importWorkflows(workflows: object[]): Promise<void>;
	/** `n8n execute --id <id> --rawOutput`: the run's result data, or the error n8n printed. */
	execute(workflowId: string): Promise<{ ok: boolean; data: unknown; output: string }>;
}

export interface RunningN8n extends N8nCli {
	url: string;
	logFile: string;
	/** The n8n process (queue-mode tests kill a worker with SIGKILL). */
	pid: number | undefined;
	/** n8n's own log so far (stdout + stderr). */
	log(): string;
	stop(): Promise<void>;
	/** Kills the n8n process with `signal` (default SIGKILL: no shutdown, as in a crash or OOM kill) and waits for it. */
	kill(signal?: NodeJS.Signals): Promise<void>;
	/** Starts the same n8n again (same folder, database, port and encryption key) and waits until it is ready. */
	restart(): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** `npm pack` of the built package into `outDir`; returns the tarball path. Needs `npm run build` first. */
export function packPackage(outDir: string): string {
	mkdirSync(outDir, { recursive: true });
	const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', outDir], { cwd: repoRoot, encoding: 'utf8' });
	if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
	return join(outDir, packed.stdout.trim().split('\n').pop() as string);
}

/**
 * Exactly what a user (or n8n's Community Nodes screen) does: npm install into ~/.n8n/nodes. Asynchronous, so a test's
 * in-process sandbox keeps answering the n8n processes already running while another one is being set up (a blocked
 * sandbox made n8n's first requests time out, e.g. a webhook subscription sent again after 30 s).
 */
export async function installPackage(userFolder: string, tarball: string): Promise<void> {
	const nodesDir = join(userFolder, '.n8n/nodes');
	mkdirSync(nodesDir, { recursive: true });
	if (!existsSync(join(nodesDir, 'package.json'))) {
		writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	}
	const installed = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
		const child = spawn('npm', ['install', tarball, '--omit=peer', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: nodesDir,
			env: pinnedNodeEnv(),
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stderr }));
	});
	if (installed.code !== 0) throw new Error(`Installing ${tarball} into ${nodesDir} failed: ${installed.stderr}`);
}

function baseEnv(userFolder: string, port: number, brokerPort: number, encryptionKey?: string): NodeJS.ProcessEnv {
	return pinnedNodeEnv({
		N8N_USER_FOLDER: userFolder,
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// Fixed per user folder, so CLI imports and the server agree on how credentials are encrypted.
		N8N_ENCRYPTION_KEY: encryptionKey ?? `linkkit-local-${randomBytes(8).toString('hex')}`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Stops calls to api.n8n.io.
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		DB_SQLITE_POOL_SIZE: '2',
		// Keep the runs the suite inspects.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		GENERIC_TIMEZONE: 'UTC',
		// Jest sets NODE_ENV=test, under which n8n silences its logger and refuses to run as a server.
		NODE_ENV: 'production',
	});
}

/** The JSON that `n8n execute --rawOutput` prints after its log lines. */
export function parseRawOutput(stdout: string): unknown {
	// The JSON is pretty-printed: it starts on a line holding only "{" (log lines such as "[license SDK] …" do not).
	const start = stdout.search(/^\{$/m);
	if (start < 0) return undefined;
	try {
		return JSON.parse(stdout.slice(start));
	} catch {
		return undefined;
	}
}

function cliFor(userFolder: string, env: NodeJS.ProcessEnv, logFile: string, nextBrokerPort: () => number): N8nCli {
	const bin = n8nBin();
	const tmp = join(userFolder, 'imports');
	let counter = 0;
	const cli = (args: string[]): Promise<CliResult> =>
		new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [bin, ...args], {
				env: { ...env, N8N_RUNNERS_BROKER_PORT: String(nextBrokerPort()) },
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
			child.on('error', reject);
			child.on('close', (code) => {
				clearTimeout(timer);
				const stream = createWriteStream(logFile, { flags: 'a' });
				stream.end(`\n$ n8n ${args.join(' ')} (exit ${code})\n${stdout}\n${stderr}\n`, () => resolve({ code, stdout, stderr }));
			});
		});
	const importFile = async (kind: 'credentials' | 'workflow', items: object[]) => {
		mkdirSync(tmp, { recursive: true });
		const file = join(tmp, `${kind}-${++counter}.json`);
		writeFileSync(file, JSON.stringify(items));
		const result = await cli([`import:${kind}`, `--input=${file}`]);
		// The file holds credential data in plain text until n8n encrypts it on import: remove it at once.
		rmSync(file, { force: true });
		if (result.code !== 0) throw new Error(`n8n import:${kind} failed (exit ${result.code}): ${result.stderr || result.stdout}`);
	};
	return {
		userFolder,
		env,
		cli,
		importCredentials: (credentials) => importFile('credentials', credentials),
		importWorkflows: (workflows) => importFile('workflow', workflows),
		async execute(workflowId) {
			const result = await cli(['execute', `--id=${workflowId}`, '--rawOutput']);
			return { ok: result.code === 0, data: parseRawOutput(result.stdout), output: `${result.stdout}\n${result.stderr}` };
		},
	};
}

async function waitForReady(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited (code ${child.exitCode}) before it was ready:\n${log().slice(-3000)}`);
		try {
			// /healthz answers before the database migrations end; readiness waits for them.
			const answer = await fetch(`${url}/healthz/readiness`);
			if (answer.status === 200) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n was not ready after ${timeoutMs / 1000} s:\n${log().slice(-3000)}`);
}

/** Prepares the user folder, installs the package, runs `beforeStart`, starts n8n and waits until it is ready. */
export async function startN8n(options: StartOptions): Promise<RunningN8n> {
	const logDir = options.logDir ?? process.env.LINKKIT_LOG_DIR ?? join(repoRoot, 'tmp/logs');
	mkdirSync(logDir, { recursive: true });
	rmSync(options.userFolder, { recursive: true, force: true });
	mkdirSync(options.userFolder, { recursive: true });
	if (options.tarball) await installPackage(options.userFolder, options.tarball);

	const port = options.port ?? (await freePort());
	const brokerPort = await freePort();
	const command = options.command ?? 'start';
	const env = { ...baseEnv(options.userFolder, port, brokerPort, options.encryptionKey), ...options.env };
	if (command === 'worker') {
		// A worker has no editor: its health server (/healthz/readiness) is how we know it is ready.
		Object.assign(env, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
	}
	const logFile = join(logDir, `n8n-${command === 'start' ? '' : `${command}-`}${port}.log`);
	writeFileSync(logFile, '');
	// Each CLI run while the server is up needs a task-broker port of its own; free ones are picked ahead.
	const spare: number[] = [];
	for (let i = 0; i < 40; i++) spare.push(await freePort());
	const cli = cliFor(options.userFolder, env, logFile, () => spare.shift() ?? 20_000 + Math.floor(Math.random() * 20_000));
	await options.beforeStart?.(cli);

	const out = createWriteStream(logFile, { flags: 'a' });
	let text = '';
	const launch = () => {
		const started = spawn(process.execPath, [n8nBin(), command, ...(options.args ?? [])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		for (const stream of [started.stdout, started.stderr]) {
			stream?.on('data', (chunk: Buffer) => {
				text += chunk.toString();
				out.write(chunk);
			});
		}
		return started;
	};
	let child = launch();
	// If our process ends without calling stop() (a crashed test run), take n8n down with it.
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const url = `http://127.0.0.1:${port}`;
	let stopping: Promise<void> | undefined;
	// Once only: a queue-mode test may stop one worker early and the whole cluster later.
	const stop = () =>
		(stopping ??= (async () => {
			process.removeListener('exit', killOnExit);
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
				await exited;
				clearTimeout(timer);
			}
			await new Promise((resolve) => out.end(resolve));
		})());
	try {
		await waitForReady(url, child, () => text, 180_000);
	} catch (error) {
		await stop();
		throw error;
	}
	const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill(signal);
		await exited;
		out.write(`\n--- n8n killed with ${signal} by the test ---\n`);
	};
	const restart = async () => {
		await kill('SIGTERM');
		out.write('\n--- n8n restarted by the test ---\n');
		child = launch();
		await waitForReady(url, child, () => text, 180_000);
	};
	return {
		...cli,
		url,
		logFile,
		get pid() {
			return child.pid;
		},
		log: () => text,
		stop,
		kill,
		restart,
	};
}

/** Names of the packages installed in a user folder's `.n8n/nodes` (for a quick sanity check). */
export function installedPackages(userFolder: string): string[] {
	const dir = join(userFolder, '.n8n/nodes/node_modules');
	return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')) : [];
}

/** The package.json of the installed copy, to prove n8n loads what a user would get. */
export function installedManifest(userFolder: string): { name: string; version: string } {
	return JSON.parse(readFileSync(join(userFolder, '.n8n/nodes/node_modules/n8n-nodes-linkkit/package.json'), 'utf8'));
}
