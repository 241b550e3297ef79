/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- dev-only tool, never shipped in the n8n package */
/**
 * n8n in queue mode, the way it is deployed once one process is not enough: PostgreSQL for the shared database,
 * Redis for the job queue, one `n8n start` main (editor, REST API, webhooks, trigger polls; it only enqueues
 * executions), `n8n worker` processes that run them and, optionally, `n8n webhook` processes that receive production
 * webhook calls. Each process has its own user folder with the package
 * installed from the tarball, as separate machines or containers would; they share the database, Redis and the
 * encryption key. Used by the queue-mode e2e suite and reusable by the bench.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startPostgres, type RunningPostgres } from '../services/postgres';
import { startRedis, type RunningRedis } from '../services/redis';
import { freePort, startN8n, type N8nCli, type RunningN8n } from './instance';

export interface QueueClusterOptions {
	/** Parent folder for the user folders and the database and Redis data (under tmp/). */
	baseDir: string;
	tarball: string;
	/** Number of `n8n worker` processes (default 2). */
	workers?: number;
	/**
	 * Number of `n8n webhook` processes (default 0): production webhook calls then go to them — n8n's way of scaling
	 * webhook intake — and every process's WEBHOOK_URL names the first one, so webhook-based triggers subscribe there
	 * (behind a load balancer, WEBHOOK_URL would name the balancer). The main keeps serving /webhook too.
	 */
	webhookProcesses?: number;
	/** Executions each worker runs at once (`n8n worker --concurrency`; n8n's default is 10). */
	concurrency?: number;
	logDir?: string;
	/** Imports and publishes before the main starts (the CLI talks to the shared database). */
	beforeStart?: (n8n: N8nCli) => Promise<void> | void;
	/** Extra environment for every process. */
	env?: Record<string, string>;
}

export interface QueueCluster {
	main: RunningN8n;
	workers: RunningN8n[];
	/** The `n8n webhook` processes (empty unless `webhookProcesses` was given). */
	webhooks: RunningN8n[];
	postgres: RunningPostgres;
	redis: RunningRedis;
	/** The environment every process shares (what the README's "Running at scale" lists). */
	sharedEnv: Record<string, string>;
	/** Starts one more worker (added to `workers`); `withPackage: false` leaves the package out of its user folder. */
	addWorker(options?: { withPackage?: boolean }): Promise<RunningN8n>;
	stop(): Promise<void>;
}

/** The queue-mode settings every process needs; only these differ from a single-process n8n. */
export function queueModeEnv(postgres: RunningPostgres, redis: RunningRedis): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Manual runs from the editor go to the workers too, so every run of the nodes happens where production runs do.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const [postgres, redis] = await Promise.all([
		startPostgres({ baseDir: join(options.baseDir, 'services'), logDir: options.logDir }),
		startRedis({ baseDir: join(options.baseDir, 'services'), logDir: options.logDir }),
	]);
	const webhookPorts = await Promise.all(Array.from({ length: options.webhookProcesses ?? 0 }, () => freePort()));
	const sharedEnv = {
		...queueModeEnv(postgres, redis),
		...(webhookPorts.length ? { WEBHOOK_URL: `http://127.0.0.1:${webhookPorts[0]}/` } : {}),
		...options.env,
	};
	const encryptionKey = `linkkit-queue-${randomBytes(12).toString('hex')}`;
	const started: RunningN8n[] = [];
	const stop = async () => {
		// Workers first (they finish or abandon their jobs), then the main, then what they all stand on.
		await Promise.all(started.slice(1).map((process) => process.stop()));
		await started[0]?.stop();
		await Promise.all([postgres.stop(), redis.stop()]);
	};
	try {
		const main = await startN8n({
			userFolder: join(options.baseDir, 'main'),
			tarball: options.tarball,
			logDir: options.logDir,
			encryptionKey,
			env: sharedEnv,
			beforeStart: options.beforeStart,
		});
		started.push(main);
		const workers: RunningN8n[] = [];
		let workerCount = 0;
		const addWorker = async ({ withPackage = true } = {}) => {
			const userFolder = join(options.baseDir, `worker-${++workerCount}`);
			const worker = await startN8n({
				userFolder,
				tarball: withPackage ? options.tarball : undefined,
				logDir: options.logDir,
				command: 'worker',
				args: options.concurrency ? [`--concurrency=${options.concurrency}`] : [],
				port: await freePort(),
				encryptionKey,
				env: sharedEnv,
			});
			started.push(worker);
			workers.push(worker);
			return worker;
		};
		const webhooks: RunningN8n[] = [];
		await Promise.all([
			...Array.from({ length: options.workers ?? 2 }, () => addWorker()),
			...webhookPorts.map(async (port, index) => {
				const webhook = await startN8n({
					userFolder: join(options.baseDir, `webhook-${index + 1}`),
					tarball: options.tarball,
					logDir: options.logDir,
					command: 'webhook',
					port,
					encryptionKey,
					env: sharedEnv,
				});
				started.push(webhook);
				webhooks.push(webhook);
			}),
		]);
		return { main, workers, webhooks, postgres, redis, sharedEnv, addWorker, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
