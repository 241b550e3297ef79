/**
 * 30 000 rows through Link → Create Many with no effective limit (100 000 req/s), beside a Set node that evaluates
 * the same expression over the same rows in the same run (Webhook → Items → Set → Create Many → Summary). The Set
 * node's time is what n8n itself spends on the rows' expressions, a cost any node reading them pays; Create Many
 * should add nothing beyond it: its 30 bulk requests go out while it reads the rows, not after.
 *
 * With `full` rate-limit headers (they say there is room), and once with none (Linkkit's default: the pacer cannot
 * know the limit, starts slow and doubles; reading the rows takes longer than that start). Figures per run:
 * both nodes' execution times as n8n recorded them, when the first request arrived after Create Many started, the
 * request window, and every row's link counted in the sandbox.
 */
import { randomBytes } from 'node:crypto';
import { LINKKIT_NODE, SET_NODE, setThenCreateManyWorkflow, type CredentialRef } from '../lib/bench-workflows';
import { measure, median, round } from '../lib/measure';
import type { BenchN8n } from '../lib/n8n-bench';
import type { RateLimitHeaderMode } from '../lib/sandbox-process';
import { DESTINATION_ROOT } from '../lib/workflows';
import type { Lane } from './throughput';

export const ROWS = 30_000;
const NO_LIMIT = 100_000;
const MODES: RateLimitHeaderMode[] = ['full', 'none'];
/** Rounds without headers: one shows whether the slow start is hidden behind reading. */
const ROUNDS_WITHOUT_HEADERS = 1;
const PATH = 'rows-30000';

export interface RowsRun {
	headers: RateLimitHeaderMode;
	round: number;
	rows: number;
	setSeconds: number;
	nodeSeconds: number;
	/** Create Many's time over the Set node's (1 = it adds nothing beyond evaluating the rows). */
	nodeOverSet: number;
	/** From Create Many's start (n8n's startTime) to the first request's arrival at the sandbox. */
	firstRequestAfterSeconds: number;
	/** First arrival to last answer. */
	windowSeconds: number;
	requests: number;
	failed: number;
	lost: number;
	duplicates: number;
}

/** n8n's own time per row for these rows' expressions: the Set node's median with headers (the floor for any node). */
export function setSecondsPerRow(summaries: RowsSummary[]): number | undefined {
	const full = summaries.find((s) => s.headers === 'full');
	return full ? full.setSeconds / full.rows : undefined;
}

export interface RowsSummary extends Omit<RowsRun, 'round'> {
	rounds: number;
	maxFailed: number;
	maxLost: number;
	maxDuplicates: number;
}

export const rowsWorkflow = (credential: CredentialRef) => setThenCreateManyWorkflow(PATH, credential);

export async function runRows(bench: BenchN8n, lane: Lane, rounds: number, log: (line: string) => void): Promise<{ runs: RowsRun[]; summaries: RowsSummary[] }> {
	const { admin } = lane.sandbox;
	const runs: RowsRun[] = [];
	for (let r = 0; r < rounds; r++) {
		const modes = MODES.filter((mode) => mode === 'full' || r < ROUNDS_WITHOUT_HEADERS);
		for (const headers of r % 2 ? [...modes].reverse() : modes) {
			await admin.reset();
			await admin.rateLimit(NO_LIMIT, NO_LIMIT, headers);
			await admin.clearStats();
			const before = bench.executions.latestId(PATH);
			const tag = `rows-${headers}-${r}-${randomBytes(3).toString('hex')}`;
			await bench.runWebhook(PATH, { tag, count: ROWS });
			const execution = await bench.executions.next(PATH, before);
			const set = execution?.nodes[SET_NODE];
			const node = execution?.nodes[LINKKIT_NODE];
			if (!set || !node) throw new Error(`The ${ROWS}-row run (${headers}) left no run data for its nodes: ${JSON.stringify(execution)}`);
			const summary = execution?.nodes.Summary?.firstJson as { failedItems?: number[] } | undefined;
			const stats = await admin.stats({ destinationPrefix: `${DESTINATION_ROOT}/${tag}/` });
			const m = measure(stats, tag, ROWS, { rate: NO_LIMIT, burst: NO_LIMIT }, { seconds: node.executionTime / 1000, reportedItems: summary?.failedItems });
			const run: RowsRun = {
				headers,
				round: r,
				rows: ROWS,
				setSeconds: round(set.executionTime / 1000),
				nodeSeconds: round(node.executionTime / 1000),
				nodeOverSet: round(node.executionTime / set.executionTime, 2),
				firstRequestAfterSeconds: stats.firstStartMs === undefined ? NaN : round((stats.firstStartMs - node.startTime) / 1000),
				windowSeconds: m.wallSeconds,
				requests: m.requests,
				failed: m.failed,
				lost: m.lost,
				duplicates: m.duplicates,
			};
			runs.push(run);
			log(
				`  ${ROWS} rows, headers ${headers}, round ${r + 1}: Set ${run.setSeconds}s, Create Many ${run.nodeSeconds}s (×${run.nodeOverSet}), ` +
					`first request ${run.firstRequestAfterSeconds}s after its start, window ${run.windowSeconds}s, ${run.requests} requests, failed ${run.failed}, duplicates ${run.duplicates}`,
			);
		}
	}
	const summaries = MODES.filter((headers) => runs.some((run) => run.headers === headers)).map((headers): RowsSummary => {
		const group = runs.filter((run) => run.headers === headers);
		const pick = (field: keyof RowsRun) => median(group.map((run) => run[field] as number));
		return {
			headers,
			rounds: group.length,
			rows: ROWS,
			setSeconds: pick('setSeconds'),
			nodeSeconds: pick('nodeSeconds'),
			nodeOverSet: pick('nodeOverSet'),
			firstRequestAfterSeconds: pick('firstRequestAfterSeconds'),
			windowSeconds: pick('windowSeconds'),
			requests: pick('requests'),
			failed: pick('failed'),
			lost: pick('lost'),
			duplicates: pick('duplicates'),
			maxFailed: Math.max(...group.map((run) => run.failed)),
			maxLost: Math.max(...group.map((run) => run.lost)),
			maxDuplicates: Math.max(...group.map((run) => run.duplicates)),
		};
	});
	return { runs, summaries };
}
