/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only benchmark, never shipped in the n8n package */
/**
 * Throughput at Linkkit's rate limit in a real n8n, on the published API: Link → Create (300 items, a derived short
 * code per item, `PUT /v1/links/{code}`, up to 10 in flight) and Link → Create Many (bulk, 1 000 rows per request)
 * at 2, 5 and 20 requests a second (burst = rate), under each rate-limit header mode the sandbox can answer with
 * (`none`, Linkkit's documented default: a bare 429; `retry-after`; `full`), without and with 20 % injected faults,
 * beside what users build with the HTTP Request node against the same API (the baselines ignore rate-limit headers,
 * so they run once, without headers).
 *
 * Create Many's rows: 1 000 × (burst + 5 s × rate), so a variant would spend 5 s past its burst at the limit (fewer
 * would fit in the burst: 3 000 rows are 3 requests, nothing to pace at 5/s), but at most 30 000: n8n itself
 * evaluates a row's expression in about half a millisecond or more (the Set node in the rows section measures it), so
 * 30 000 rows already take n8n longer than the limit needs at 5/s, and 120 000 (20/s) would take minutes a run
 * measuring nothing else. With faults, 12 000 rows: a lost bulk answer makes the node read back every link created
 * since (100 a request, at the limit), so larger imports spend minutes on that alone. 12 000 / 30 000 / 30 000 rows
 * at 2 / 5 / 20 req/s; the table also gives rows/s, to read against the limit's 1 000 × rate and n8n's own rate.
 *
 * Two ways of running, so a round of everything fits the time:
 *  - side by side, in small groups: the slow variants that send one item per request at a steady pace each get a
 *    sandbox of their own (their own key, limit and counts) and run at once with the others of their group, each its
 *    rounds back to back: all Create variants at 2 req/s (12 req/s together), then the Create variants at 5 req/s in
 *    two groups of three (15 req/s), with the batched baselines at those rates beside them. n8n 2.41 spends tens of
 *    milliseconds of its main thread on every request of a node (its default expression engine resolves the
 *    credential in a fresh isolate each time), so more at once would make the variants slow each other down.
 *  - one at a time: everything at 20 req/s, the Retry On Fail baselines (300 requests at once), and every bulk
 *    variant (Create Many, the bulk baseline), which keep a core busy (n8n evaluating tens of thousands of rows, the
 *    sandbox creating 1 000 links a request), on one sandbox, reset between runs, interleaved (the order reverses
 *    every round).
 */
import { randomBytes } from 'node:crypto';
import type { RequestRecord } from '../../sandbox/stats';
import {
	BULK_ROWS,
	HTTP_NODE,
	LINKKIT_NODE,
	httpBulkWorkflow,
	httpCreateWorkflow,
	linkkitBenchWorkflow,
	type CredentialRef,
} from '../lib/bench-workflows';
import { measure, median, round, type Measured } from '../lib/measure';
import type { BenchN8n } from '../lib/n8n-bench';
import { startSandboxProcess, type FaultSettings, type RateLimitHeaderMode, type SandboxProcess } from '../lib/sandbox-process';
import { DESTINATION_ROOT } from '../lib/workflows';

export type Kind = 'linkkit-create' | 'linkkit-create-many' | 'http-request-retry-on-fail' | 'http-request-batched' | 'http-request-bulk';
export const HEADER_MODES: RateLimitHeaderMode[] = ['none', 'retry-after', 'full'];
export const RATES = [2, 5, 20];

export interface Variant {
	kind: Kind;
	items: number;
	/** Requests a second; the burst is the same. */
	rate: number;
	headers: RateLimitHeaderMode;
	faults: boolean;
}

export interface VariantRun extends Measured {
	variant: Kind;
	rate: number;
	burst: number;
	headers: RateLimitHeaderMode;
	faultShare: number;
	round: number;
	sideBySide: boolean;
	/** HTTP status of the webhook's answer: 200 when the workflow ran to its end. */
	workflowStatus: number;
	/** n8n's status of the saved execution. */
	executionStatus?: string;
	/** When a Linkkit variant failed: the attempts (status @ ms from the run's start) of each short code that never succeeded. */
	unsucceeded?: string[][];
	/** The first errors the workflow's output reported. */
	errors?: unknown[];
	/** How the run used the limit over time (from the sandbox's records): requests that took a token per 5 s from the first arrival, and when the 429s came (ms from the first arrival, the first 30). */
	timeline?: { tokensPer5s: number[]; at429: number[] };
}

/** About 20 % of requests fail, in every way the sandbox can fail them except a stall. */
export const TWENTY_PERCENT_FAULTS: FaultSettings = { rate: 0.08, drop: 0.04, html: 0.02, commitDrop: 0.05, commit500: 0.03 };
export const FAULT_SHARE = 1 - [0.08, 0.04, 0.02, 0.05, 0.03].reduce((keep, p) => keep * (1 - p), 1);
const NO_FAULTS: FaultSettings = { rate: 0, drop: 0, html: 0, commitDrop: 0, commit500: 0, latencyMs: 0 };

/** Seconds past the burst every bulk variant would spend at the limit, and the row counts' caps (see the file comment). */
export const BULK_SECONDS = 5;
export const BULK_ROWS_CAP = 30_000;
export const BULK_ROWS_WITH_FAULTS = 12_000;
export const bulkRows = (rate: number, faults: boolean, seconds = BULK_SECONDS) =>
	faults ? BULK_ROWS_WITH_FAULTS : Math.min(BULK_ROWS_CAP, BULK_ROWS * (rate + seconds * rate));
const CREATE_ITEMS = 300;

export const isLinkkit = (kind: Kind) => kind.startsWith('linkkit');
const isBulk = (kind: Kind) => kind === 'linkkit-create-many' || kind === 'http-request-bulk';

/** The group a variant runs side by side in, or undefined: one at a time (see the file comment). */
export function sideBySideGroup(variant: Variant): string | undefined {
	if (variant.rate > 5 || isBulk(variant.kind) || variant.kind === 'http-request-retry-on-fail') return undefined;
	// The batched baseline under faults at 5/s runs ~6 minutes (Retry On Fail repeats every batch): beside the 2/s group.
	if (variant.rate === 2 || variant.kind === 'http-request-batched') return variant.faults || variant.rate === 2 ? '2/s' : '5/s, no faults';
	return variant.faults ? '5/s, faults' : '5/s, no faults';
}
export const sideBySide = (variant: Variant) => sideBySideGroup(variant) !== undefined;

export const variantName = (v: Variant) => `${v.kind}@${v.rate}/s ${v.headers}${v.faults ? ' +faults' : ''}`;
const pathOf = (v: Variant) => `${v.kind}-${v.rate}-${v.headers}-${v.faults ? 'f' : 'n'}`;

export function throughputPlan(options: { bulkSeconds?: number } = {}): Variant[] {
	const plan: Variant[] = [];
	for (const rate of RATES) {
		for (const faults of [false, true]) {
			const rows = bulkRows(rate, faults, options.bulkSeconds);
			for (const headers of HEADER_MODES) {
				plan.push({ kind: 'linkkit-create', items: CREATE_ITEMS, rate, headers, faults });
				plan.push({ kind: 'linkkit-create-many', items: rows, rate, headers, faults });
			}
			// The HTTP Request node never reads rate-limit headers: one header mode is all there is to see.
			plan.push({ kind: 'http-request-retry-on-fail', items: CREATE_ITEMS, rate, headers: 'none', faults });
			// Batched under faults, Retry On Fail repeats every batch of the run: at 2/s that alone is ~13 minutes.
			if (!(faults && rate === 2)) plan.push({ kind: 'http-request-batched', items: CREATE_ITEMS, rate, headers: 'none', faults });
			plan.push({ kind: 'http-request-bulk', items: rows, rate, headers: 'none', faults });
		}
	}
	return plan;
}

/** The sandbox a variant runs against, and the credentials its workflows use there. */
export interface Lane {
	sandbox: SandboxProcess;
	linkkit: CredentialRef;
	header: CredentialRef;
}

export async function startLane(id: string): Promise<Lane> {
	const sandbox = await startSandboxProcess({ links: 1000 });
	return { sandbox, linkkit: { id: `bench-linkkit-${id}`, name: `Linkkit ${id}` }, header: { id: `bench-header-${id}`, name: `Linkkit key as a header ${id}` } };
}

export function laneCredentials(lane: Lane): Array<Record<string, unknown>> {
	return [
		{ ...lane.linkkit, type: 'linkkitApi', data: { apiKey: lane.sandbox.apiKey, baseUrl: lane.sandbox.url } },
		{ ...lane.header, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${lane.sandbox.apiKey}` } },
	];
}

export function variantWorkflow(variant: Variant, lane: Lane): Record<string, unknown> {
	const path = pathOf(variant);
	switch (variant.kind) {
		case 'linkkit-create':
			return linkkitBenchWorkflow(path, 'create', lane.linkkit);
		case 'linkkit-create-many':
			return linkkitBenchWorkflow(path, 'createMany', lane.linkkit);
		case 'http-request-retry-on-fail':
			return httpCreateWorkflow(path, lane.sandbox.url, lane.header);
		case 'http-request-batched':
			return httpCreateWorkflow(path, lane.sandbox.url, lane.header, variant.rate);
		case 'http-request-bulk':
			return httpBulkWorkflow(path, lane.sandbox.url, lane.header, variant.rate);
	}
}

/** The time the limit alone takes for a variant (a rough guide for how long a run lasts). */
export function expectedSeconds(variant: Variant): number {
	const requests = isBulk(variant.kind) ? variant.items / BULK_ROWS : variant.items;
	const atLimit = Math.max(0, requests - variant.rate) / variant.rate;
	if (variant.kind === 'http-request-retry-on-fail') return 35;
	if (variant.kind === 'http-request-batched' && variant.faults) return 5 * atLimit + 20;
	return atLimit * (variant.faults ? 1.3 : 1);
}

export async function runVariant(bench: BenchN8n, lane: Lane, variant: Variant, roundIndex: number, together: boolean): Promise<VariantRun> {
	const { admin } = lane.sandbox;
	await admin.reset();
	await admin.rateLimit(variant.rate, variant.rate, variant.headers);
	await admin.faults({ ...NO_FAULTS, ...(variant.faults ? TWENTY_PERCENT_FAULTS : {}) });
	await admin.clearStats();
	const path = pathOf(variant);
	const before = bench.executions.latestId(path);
	const tag = `${path}-${roundIndex}-${randomBytes(3).toString('hex')}`;
	const answer = await bench.runWebhook(path, { tag, count: variant.items });
	await admin.faults(NO_FAULTS);
	const execution = await bench.executions.next(path, before);
	const node = execution?.nodes[isLinkkit(variant.kind) ? LINKKIT_NODE : HTTP_NODE];
	const summary = execution?.nodes.Summary?.firstJson as { failedItems?: number[]; errors?: unknown[] } | undefined;
	const stats = await admin.stats({ destinationPrefix: `${DESTINATION_ROOT}/${tag}/`, records: true });
	const measured = measure(stats, tag, variant.items, { rate: variant.rate, burst: variant.rate }, { seconds: node ? node.executionTime / 1000 : undefined, reportedItems: summary?.failedItems });
	return {
		variant: variant.kind,
		rate: variant.rate,
		burst: variant.rate,
		headers: variant.headers,
		faultShare: variant.faults ? round(FAULT_SHARE) : 0,
		round: roundIndex,
		sideBySide: together,
		workflowStatus: answer.status,
		executionStatus: execution?.status,
		...measured,
		...(summary?.errors?.length ? { errors: summary.errors.slice(0, 5) } : {}),
		...(measured.failed && variant.kind === 'linkkit-create' ? { unsucceeded: unsucceeded(stats.records ?? []) } : {}),
		timeline: timeline(stats.records ?? []),
	};
}

function timeline(records: RequestRecord[]): { tokensPer5s: number[]; at429: number[] } {
	if (!records.length) return { tokensPer5s: [], at429: [] };
	const start = Math.min(...records.map((r) => r.startMs));
	const tokensPer5s: number[] = [];
	for (const record of records) {
		if (!record.tokenTaken) continue;
		const bucket = Math.floor((record.startMs - start) / 5000);
		while (tokensPer5s.length <= bucket) tokensPer5s.push(0);
		tokensPer5s[bucket]++;
	}
	const at429 = records.filter((r) => r.status === 429).map((r) => r.startMs - start).sort((a, b) => a - b).slice(0, 30);
	return { tokensPer5s, at429 };
}

/** Attempts of each short code (PUT /v1/links/{code}) that never got a 2xx, as "status@ms" from the first request. */
function unsucceeded(records: RequestRecord[]): string[][] {
	const start = Math.min(...records.map((r) => r.startMs));
	const byCode = new Map<string, RequestRecord[]>();
	for (const record of records) if (record.method === 'PUT') byCode.set(record.url, [...(byCode.get(record.url) ?? []), record]);
	return [...byCode.values()]
		.filter((attempts) => !attempts.some((r) => r.status >= 200 && r.status < 300))
		.slice(0, 10)
		.map((attempts) => attempts.map((r) => `${r.status}@${r.startMs - start}`));
}

export function describeRun(run: VariantRun): string {
	return (
		`${run.variant}@${run.rate}/s ${run.headers}${run.faultShare ? ' +faults' : ''} round ${run.round + 1}: ` +
		`window ${run.wallSeconds}s (ratio ${run.ratioToLimit}), node ${run.nodeSeconds ?? '?'}s (ratio ${run.ratioNode ?? '?'}), ` +
		`${run.requests} requests, ${run.status429}×429, failed ${run.failed}, lost ${run.lost}, duplicates ${run.duplicates}` +
		(run.workflowStatus === 200 ? '' : `, workflow answered ${run.workflowStatus}`)
	);
}

/** Group by group: each variant's rounds back to back on its own lane, every lane of the group at once. */
export async function runSideBySide(
	bench: BenchN8n,
	lanes: Map<Variant, Lane>,
	roundsOf: (variant: Variant) => number,
	log: (line: string) => void,
): Promise<VariantRun[]> {
	const runs: VariantRun[] = [];
	const groups = new Map<string, Array<[Variant, Lane]>>();
	for (const [variant, lane] of lanes) {
		const group = sideBySideGroup(variant) ?? 'alone';
		groups.set(group, [...(groups.get(group) ?? []), [variant, lane]]);
	}
	for (const [group, members] of groups) {
		log(`  side by side: ${group} (${members.length} variants)`);
		runs.push(...(await runGroup(bench, members, roundsOf, log)));
		for (const [, lane] of members) await lane.sandbox.stop();
	}
	return runs;
}

async function runGroup(bench: BenchN8n, members: Array<[Variant, Lane]>, roundsOf: (variant: Variant) => number, log: (line: string) => void): Promise<VariantRun[]> {
	const runs: VariantRun[] = [];
	await Promise.all(
		members.map(async ([variant, lane], i) => {
			// Staggered a little, so the lanes' first requests do not all meet n8n in the same instant.
			await new Promise((resolve) => setTimeout(resolve, i * 300));
			for (let r = 0; r < roundsOf(variant); r++) {
				const run = await runVariant(bench, lane, variant, r, true);
				runs.push(run);
				log(`  [side by side] ${describeRun(run)}`);
			}
		}),
	);
	return runs;
}

/** Every variant on one lane, one at a time; the order reverses every round. */
export async function runOneAtATime(
	bench: BenchN8n,
	lane: Lane,
	plan: Variant[],
	roundsOf: (variant: Variant) => number,
	log: (line: string) => void,
): Promise<VariantRun[]> {
	const runs: VariantRun[] = [];
	const rounds = Math.max(0, ...plan.map(roundsOf));
	for (let r = 0; r < rounds; r++) {
		const order = r % 2 ? [...plan].reverse() : plan;
		for (const variant of order) {
			if (r >= roundsOf(variant)) continue;
			const run = await runVariant(bench, lane, variant, r, false);
			runs.push(run);
			log(`  ${describeRun(run)}`);
		}
	}
	return runs;
}

export interface VariantSummary {
	variant: Kind;
	rate: number;
	burst: number;
	headers: RateLimitHeaderMode;
	faultShare: number;
	rounds: number;
	sideBySide: boolean;
	items: number;
	/** Medians over the rounds. */
	requests: number;
	wallSeconds: number;
	nodeSeconds?: number;
	itemsPerSecond: number;
	ratioToLimit: number;
	ratioNode?: number;
	status429: number;
	share429: number;
	failed: number;
	lost: number;
	duplicates: number;
	/** The worst round, so a median never hides a failure or a slow round. */
	maxFailed: number;
	maxLost: number;
	maxDuplicates: number;
	maxShare429: number;
	minRatioToLimit: number;
	minRatioNode?: number;
	workflowFailures: number;
}

export function summarise(runs: VariantRun[]): VariantSummary[] {
	const groups = new Map<string, VariantRun[]>();
	for (const run of runs) {
		const key = `${run.variant}|${run.rate}|${run.headers}|${run.faultShare}`;
		groups.set(key, [...(groups.get(key) ?? []), run]);
	}
	return [...groups.values()].map((group) => {
		const values = (field: keyof Measured) => group.map((run) => run[field]).filter((v): v is number => typeof v === 'number');
		const pick = (field: keyof Measured) => median(values(field));
		const nodeRatios = values('ratioNode');
		return {
			variant: group[0].variant,
			rate: group[0].rate,
			burst: group[0].burst,
			headers: group[0].headers,
			faultShare: group[0].faultShare,
			rounds: group.length,
			sideBySide: group[0].sideBySide,
			items: group[0].items,
			requests: pick('requests'),
			wallSeconds: pick('wallSeconds'),
			...(values('nodeSeconds').length ? { nodeSeconds: pick('nodeSeconds') } : {}),
			itemsPerSecond: pick('itemsPerSecond'),
			ratioToLimit: pick('ratioToLimit'),
			...(nodeRatios.length ? { ratioNode: median(nodeRatios), minRatioNode: Math.min(...nodeRatios) } : {}),
			status429: pick('status429'),
			share429: pick('share429'),
			failed: pick('failed'),
			lost: pick('lost'),
			duplicates: pick('duplicates'),
			maxFailed: Math.max(...values('failed')),
			maxLost: Math.max(...values('lost')),
			maxDuplicates: Math.max(...values('duplicates')),
			maxShare429: Math.max(...values('share429')),
			minRatioToLimit: Math.min(...values('ratioToLimit')),
			workflowFailures: group.filter((run) => run.workflowStatus !== 200).length,
		};
	});
}

/** The goals, per Linkkit variant without faults: the ratio both ways and the share of 429s. */
export const GOALS: Partial<Record<RateLimitHeaderMode, { ratio: number; max429?: number }>> = {
	none: { ratio: 0.85, max429: 0.05 },
	full: { ratio: 0.95 },
};

export interface GoalCheck {
	variant: string;
	goal: string;
	measured: string;
	met: boolean;
}

export function checkGoals(summaries: VariantSummary[]): GoalCheck[] {
	const checks: GoalCheck[] = [];
	for (const s of summaries.filter((s) => isLinkkit(s.variant))) {
		const name = `${s.variant}@${s.rate}/s ${s.headers}${s.faultShare ? ' +faults' : ''}`;
		const goal = GOALS[s.headers];
		if (goal && !s.faultShare) {
			checks.push({ variant: name, goal: `ratio (window) ≥ ${goal.ratio}`, measured: String(s.ratioToLimit), met: s.ratioToLimit >= goal.ratio });
			if (s.ratioNode !== undefined) checks.push({ variant: name, goal: `ratio (node) ≥ ${goal.ratio}`, measured: String(s.ratioNode), met: s.ratioNode >= goal.ratio });
			if (goal.max429 !== undefined) {
				checks.push({ variant: name, goal: `429s ≤ ${goal.max429 * 100} % of requests`, measured: `${round(s.share429 * 100, 1)} %`, met: s.share429 <= goal.max429 });
			}
		}
		const bad = s.maxFailed + s.maxLost + s.maxDuplicates;
		checks.push({ variant: name, goal: '0 failed, lost, duplicated (every round)', measured: `${s.maxFailed} / ${s.maxLost} / ${s.maxDuplicates}`, met: bad === 0 });
	}
	return checks;
}
