/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- dev-only benchmark, never shipped in the n8n package */
/**
 * One real n8n 2.41.1 for the benchmark, started the one way the suites start it (scripts/n8n/instance.ts): the
 * packed package installed as a user installs it, credentials pointing at the sandbox(es), and every benchmark
 * workflow imported and published before start, so n8n activates their webhooks and trigger polls as it boots.
 */
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { ExecutionStore } from './executions';
import { CREDENTIAL, HEADER_CREDENTIAL } from './workflows';

export interface BenchN8n {
	n8n: RunningN8n;
	/** POSTs `body` to the workflow's webhook and waits, without a time limit, for the run's answer. */
	runWebhook(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
	/** The executions n8n saved (node timings as n8n recorded them). */
	executions: ExecutionStore;
	stop(): Promise<void>;
}

/** `npm run build`, then `npm pack` into tmp/bench: the tarball a user would install. */
export function buildTarball(): string {
	const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
	if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}\n${built.stderr}`);
	return packPackage(join(repoRoot, 'tmp/bench/pack'));
}

function post(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
	return new Promise((resolve, reject) => {
		const payload = JSON.stringify(body);
		const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
			let text = '';
			res.on('data', (chunk: Buffer) => (text += chunk.toString()));
			res.on('end', () => {
				let parsed: unknown = text;
				try {
					parsed = JSON.parse(text);
				} catch {
					// An n8n error page or plain text: keep it as it is.
				}
				resolve({ status: res.statusCode ?? 0, body: parsed });
			});
		});
		req.on('error', reject);
		req.end(payload);
	});
}

/** The Linkkit credential for one sandbox (the workflows' default id unless another is given). */
export function linkkitCredential(sandbox: { url: string; apiKey: string }, id = CREDENTIAL.id): Record<string, unknown> {
	return { id, name: id === CREDENTIAL.id ? CREDENTIAL.name : `Linkkit ${id}`, type: 'linkkitApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } };
}

/** The key as an `Authorization: Bearer …` header, for the HTTP Request node baselines. */
export function headerCredential(sandbox: { apiKey: string }): Record<string, unknown> {
	return { ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${sandbox.apiKey}` } };
}

/** WorkflowRepository.publishVersion of n8n 2.41, for many workflows at once, while n8n is not running. */
function publishInDatabase(userFolder: string, ids: string[]): void {
	const db = new DatabaseSync(join(userFolder, '.n8n/database.sqlite'));
	try {
		const publish = db.prepare(
			'UPDATE workflow_entity SET active = 1, activeVersionId = versionId WHERE id = ? AND isArchived = 0 AND EXISTS (SELECT 1 FROM workflow_history h WHERE h.workflowId = workflow_entity.id AND h.versionId = workflow_entity.versionId)',
		);
		for (const id of ids) if (Number(publish.run(id).changes) !== 1) throw new Error(`could not publish workflow ${id} (not imported, archived or without its version)`);
	} finally {
		db.close();
	}
}

export async function startBenchN8n(options: {
	tarball: string;
	credentials: Array<Record<string, unknown>>;
	workflows: Array<Record<string, unknown>>;
	/** Workflow ids to publish (activate at start); default all. */
	publish?: string[];
	/**
	 * How to publish: `cli` runs `n8n publish:workflow` per workflow (several seconds each); `database` does what that
	 * command does (the workflow's current version becomes its active one) in one statement before n8n starts, for
	 * benchmarks with dozens of workflows.
	 */
	publishVia?: 'cli' | 'database';
	name?: string;
	/** Environment for n8n on top of the suites' defaults. */
	env?: Record<string, string>;
}): Promise<BenchN8n> {
	const n8n = await startN8n({
		userFolder: join(repoRoot, `tmp/bench/${options.name ?? 'n8n'}-user`),
		tarball: options.tarball,
		// LINKKIT_BENCH_N8N_NODE_OPTIONS (e.g. --cpu-prof --cpu-prof-dir=…) profiles n8n while a section runs.
		env: { ...(process.env.LINKKIT_BENCH_N8N_NODE_OPTIONS ? { NODE_OPTIONS: process.env.LINKKIT_BENCH_N8N_NODE_OPTIONS } : {}), ...options.env },
		async beforeStart(cli) {
			await cli.importCredentials(options.credentials);
			await cli.importWorkflows(options.workflows);
			const ids = options.publish ?? options.workflows.map((w) => String(w.id));
			if (options.publishVia === 'database') {
				publishInDatabase(cli.userFolder, ids);
				return;
			}
			for (const id of ids) {
				const published = await cli.cli(['publish:workflow', `--id=${id}`]);
				if (published.code !== 0) throw new Error(`publish of ${id} failed: ${published.stderr}`);
			}
		},
	});
	const executions = new ExecutionStore(n8n.userFolder);
	return {
		n8n,
		executions,
		async runWebhook(path, body) {
			// n8n registers the published workflows' webhooks a moment after it reports ready: a 404 ran nothing.
			for (let attempt = 0; ; attempt++) {
				const answer = await post(`${n8n.url}/webhook/${path}`, body);
				if (answer.status !== 404 || attempt >= 60) return answer;
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
		},
		async stop() {
			executions.close();
			await n8n.stop();
		},
	};
}
