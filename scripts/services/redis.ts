/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- dev-only tool, never shipped in the n8n package */
/**
 * A throwaway Redis for n8n's queue mode (Bull's job queue and n8n's pub/sub): 127.0.0.1 on a free port, its folder
 * under `baseDir`, no persistence; stopped and deleted by `stop()`. Not the system service.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../n8n/instance';
import { ensureQueueServices } from './debian';

export interface RedisOptions {
	baseDir: string;
	/** Where the server log goes (default: inside its folder, deleted on stop). */
	logDir?: string;
}

export interface RunningRedis {
	host: string;
	port: number;
	stop(): Promise<void>;
}

/** One PING over a fresh connection: true once Redis answers +PONG. */
function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

export async function startRedis(options: RedisOptions): Promise<RunningRedis> {
	const { redisBin } = ensureQueueServices();
	mkdirSync(options.baseDir, { recursive: true });
	const dir = mkdtempSync(join(options.baseDir, 'redis-'));
	const port = await freePort();
	const logDir = options.logDir ?? dir;
	mkdirSync(logDir, { recursive: true });
	const log = createWriteStream(join(logDir, `redis-${port}.log`));
	const child = spawn(
		redisBin,
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes'],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
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
		rmSync(dir, { recursive: true, force: true });
	};
	const deadline = Date.now() + 30_000;
	while (!(await ping(port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`redis-server did not start on 127.0.0.1:${port} (see its log in ${logDir})`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { host: '127.0.0.1', port, stop };
}
