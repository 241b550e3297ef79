/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- dev-only tool, never shipped in the n8n package */
/**
 * A throwaway PostgreSQL for n8n's queue mode: its own data folder (initdb), 127.0.0.1 on a free port, a random
 * password, one database; stopped and deleted by `stop()`. PostgreSQL refuses to run as root, so as root the
 * server runs as the `postgres` user the Debian package creates (the data folder is handed to it).
 * Durability settings are off: the data is thrown away after the run.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureQueueServices } from './debian';
import { freePort } from '../n8n/instance';

export interface PostgresOptions {
	/** Parent folder for the data folder (a fresh one is made inside it). */
	baseDir: string;
	/** Where the server log is copied on stop (kept for the run's log scan). */
	logDir?: string;
	/** Database to create (default `n8n`). */
	database?: string;
}

export interface RunningPostgres {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	dataDir: string;
	/** Runs one SQL statement with psql and returns its rows, one per line, columns separated by `|`. */
	query(sql: string): string;
	stop(): Promise<void>;
}

const SERVER_USER = 'postgres';

const asRoot = () => process.getuid?.() === 0;

/** The command line that runs a PostgreSQL tool as the server's user (root may not run the server). */
function pgCommand(bin: string, tool: string, args: string[]): [string, string[]] {
	return asRoot() ? ['runuser', ['-u', SERVER_USER, '--', join(bin, tool), ...args]] : [join(bin, tool), args];
}

/** Runs a PostgreSQL tool; throws with its output on failure. */
function pgTool(bin: string, tool: string, args: string[]): string {
	const [command, commandArgs] = pgCommand(bin, tool, args);
	const result = spawnSync(command, commandArgs, { encoding: 'utf8', cwd: '/' });
	if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
	return result.stdout;
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
	const { postgresBin } = ensureQueueServices();
	mkdirSync(options.baseDir, { recursive: true });
	const root = mkdtempSync(join(options.baseDir, 'postgres-'));
	const dataDir = join(root, 'data');
	const database = options.database ?? 'n8n';
	const user = 'n8n';
	const password = randomBytes(12).toString('hex');
	const port = await freePort();

	const passwordFile = join(root, 'pw');
	writeFileSync(passwordFile, password, { mode: 0o600 });
	if (asRoot()) {
		const uid = Number(spawnSync('id', ['-u', SERVER_USER], { encoding: 'utf8' }).stdout.trim());
		const gid = Number(spawnSync('id', ['-g', SERVER_USER], { encoding: 'utf8' }).stdout.trim());
		if (!Number.isInteger(uid)) throw new Error(`No "${SERVER_USER}" OS user: is the postgresql package installed?`);
		chownSync(root, uid, gid);
		chownSync(passwordFile, uid, gid);
	}
	pgTool(postgresBin, 'initdb', [
		'-D', dataDir, '-U', user, `--pwfile=${passwordFile}`, '--auth-local=trust', '--auth-host=scram-sha-256',
		'--encoding=UTF8', '--locale=C', '--no-sync',
	]);
	rmSync(passwordFile, { force: true });
	const logFile = join(root, 'postgres.log');
	const serverOptions = [
		`-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${root}`,
		'-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=100',
	].join(' ');
	pgTool(postgresBin, 'pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', logFile, '-w', '-t', '60', 'start']);
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		try {
			pgTool(postgresBin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
		} catch {
			// Already gone (e.g. killed with the test process): the folder is removed anyway.
		}
		if (options.logDir && existsSync(logFile)) {
			mkdirSync(options.logDir, { recursive: true });
			copyFileSync(logFile, join(options.logDir, `postgres-${port}.log`));
		}
		rmSync(root, { recursive: true, force: true });
	};
	// A crashed test run must not leave a server behind.
	process.once('exit', () => {
		if (!stopped) spawnSync(...pgCommand(postgresBin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']));
	});
	try {
		pgTool(postgresBin, 'createdb', ['-h', root, '-p', String(port), '-U', user, '-O', user, database]);
	} catch (error) {
		await stop();
		throw error;
	}
	const query = (sql: string) => {
		const result = spawnSync(join(postgresBin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
			encoding: 'utf8',
			env: { ...process.env, PGPASSWORD: password },
		});
		if (result.status !== 0) throw new Error(`psql failed (exit ${result.status ?? result.signal}): ${result.stderr}`);
		return result.stdout.trim();
	};
	return { host: '127.0.0.1', port, user, password, database, dataDir, query, stop };
}
