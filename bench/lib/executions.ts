/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only benchmark, never shipped in the n8n package */
/**
 * What n8n itself recorded about a run: the execution it saved (its SQLite database, read-only, next to the running
 * server; n8n keeps it in WAL mode, so reading never blocks it). For each node the first run's `startTime` and
 * `executionTime` (ms, as n8n measures them around the node's `execute`, Retry On Fail included) and how many items
 * it put out: the time a user waits for that node, as the editor shows it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parse } from 'flatted';

export interface NodeTiming {
	startTime: number;
	executionTime: number;
	items: number;
	status?: string;
	/** The first item it put out (e.g. a summary node's one item). */
	firstJson?: Record<string, unknown>;
}

export interface SavedExecution {
	id: number;
	status: string;
	/** Wall time n8n recorded for the whole execution (stoppedAt − startedAt), ms. */
	ms?: number;
	nodes: Record<string, NodeTiming>;
}

interface TaskData {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	data?: { main?: Array<Array<{ json?: Record<string, unknown> }> | null> };
}

export class ExecutionStore {
	private db?: DatabaseSync;

	constructor(private readonly userFolder: string) {}

	private open(): DatabaseSync {
		if (this.db) return this.db;
		const file = join(this.userFolder, '.n8n/database.sqlite');
		if (!existsSync(file)) throw new Error(`n8n's database is not at ${file}`);
		this.db = new DatabaseSync(file, { readOnly: true });
		return this.db;
	}

	/** The newest execution id of a workflow so far (0 when none): runs after it are the next ones. */
	latestId(workflowId: string): number {
		const row = this.open().prepare('SELECT MAX(id) AS id FROM execution_entity WHERE workflowId = ?').get(workflowId) as { id: number | null } | undefined;
		return row?.id ?? 0;
	}

	/**
	 * The first execution of `workflowId` after `afterId`, once n8n has saved it as finished (up to `timeoutMs`; a
	 * big run's data takes n8n a few seconds to write). Undefined when none finished in time.
	 */
	async next(workflowId: string, afterId: number, timeoutMs = 120_000): Promise<SavedExecution | undefined> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const found = this.read(workflowId, afterId);
			if (found) return found;
			if (Date.now() > deadline) return undefined;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	private read(workflowId: string, afterId: number): SavedExecution | undefined {
		const db = this.open();
		const execution = db
			.prepare('SELECT id, status, startedAt, stoppedAt, storedAt FROM execution_entity WHERE workflowId = ? AND id > ? ORDER BY id ASC LIMIT 1')
			.get(workflowId, afterId) as { id: number; status: string; startedAt: string | null; stoppedAt: string | null; storedAt: string } | undefined;
		if (!execution || ['new', 'running', 'waiting'].includes(execution.status) || !execution.stoppedAt) return undefined;
		if (execution.storedAt !== 'db') throw new Error(`n8n stored execution ${execution.id} outside its database (${execution.storedAt}); the bench reads it from the database`);
		const row = db.prepare('SELECT data FROM execution_data WHERE executionId = ?').get(execution.id) as { data: string | null } | undefined;
		if (!row?.data) return undefined;
		const data = parse(row.data) as { resultData?: { runData?: Record<string, TaskData[]> } };
		const nodes: Record<string, NodeTiming> = {};
		for (const [name, runs] of Object.entries(data.resultData?.runData ?? {})) {
			const first = runs[0];
			if (!first) continue;
			nodes[name] = {
				startTime: first.startTime ?? 0,
				executionTime: first.executionTime ?? 0,
				items: (first.data?.main ?? []).reduce((sum: number, output) => sum + (output?.length ?? 0), 0),
				status: first.executionStatus,
				firstJson: first.data?.main?.[0]?.[0]?.json,
			};
		}
		const utc = (text: string | null) => (text ? Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`) : NaN);
		const ms = utc(execution.stoppedAt) - utc(execution.startedAt);
		return { id: execution.id, status: execution.status, ms: Number.isFinite(ms) ? ms : undefined, nodes };
	}

	close(): void {
		this.db?.close();
		this.db = undefined;
	}
}
