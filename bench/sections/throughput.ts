/**
 * Throughput at Linkkit's rate limit in a real n8n: the Linkkit node's Create (300 items) and Create Many (3 000
 * items, 30 bulk requests) against what users build today with the HTTP Request node, at several limits, without
 * and with 20 % injected faults, and once with 100 ms latency at 50/s (where the round trip, not the limit, is
 * what one-at-a-time would be held back by). Variants of a round run interleaved, so a busier minute on this
 * shared machine weighs on all of them alike.
 */
import { randomBytes } from 'node:crypto';
import { measure, median, type Measured } from '../lib/measure';
import type { BenchN8n } from '../lib/n8n-bench';
import type { FaultSettings, SandboxAdmin } from '../lib/sandbox-process';
import { DESTINATION_ROOT, httpRequestWorkflow, linkkitWorkflow } from '../lib/workflows';
import type { RequestRecord } from '../../sandbox/stats';

export type Kind = 'linkkit-create' | 'linkkit-create-many' | 'http-request-retry-on-fail' | 'http-request-batched';

export interface Variant {
	kind: Kind;
	items: number;
	/** Requests a second; the burst is the same (as in the issue's measurements). */
	rate: number;
	faults: boolean;
	latencyMs: number;
}

export interface VariantRun extends Measured {
	variant: Kind;
	rate: number;
	burst: number;
	faultShare: number;
	latencyMs: number;
	round: number;
	/** HTTP status of the webhook's answer: 200 when the workflow ran to its end. */
	workflowStatus: number;
	/** When a Linkkit variant failed: the attempts (status @ ms from the run's start) of each create that never succeeded. */
	unsucceeded?: string[][];
}

/** About 20 % of requests fail, in every way the sandbox can fail them except a stall. */
export const TWENTY_PERCENT_FAULTS: FaultSettings = { rate: 0.08, drop: 0.04, html: 0.02, commitDrop: 0.05, commit500: 0.03 };
export const FAULT_SHARE = 1 - [0.08, 0.04, 0.02, 0.05, 0.03].reduce((keep, p) => keep * (1 - p), 1);

const ITEMS: Record<Kind, number> = {
	'linkkit-create': 300,
	'linkkit-create-many': 3000,
	'http-request-retry-on-fail': 300,
	'http-request-batched': 300,
};

export function throughputPlan(): Variant[] {
	const plan: Variant[] = [];
	for (const rate of [2, 5, 20]) {
		for (const faults of rate === 2 ? [false] : [false, true]) {
			const kinds: Kind[] = ['linkkit-create', 'linkkit-create-many'];
			if (rate !== 2) kinds.push('http-request-retry-on-fail', 'http-request-batched');
			for (const kind of kinds) plan.push({ kind, items: ITEMS[kind], rate, faults, latencyMs: 0 });
		}
	}
	plan.push({ kind: 'linkkit-create', items: 300, rate: 50, faults: false, latencyMs: 100 });
	return plan;
}

const pathOf = (variant: Variant) => (variant.kind === 'http-request-batched' ? `${variant.kind}-${variant.rate}` : variant.kind);

/** One workflow per kind (the batched baseline: one per rate, its batch size being the limit). */
export function throughputWorkflows(plan: Variant[], sandboxUrl: string): Array<Record<string, unknown>> {
	const paths = new Map<string, Record<string, unknown>>();
	for (const variant of plan) {
		const path = pathOf(variant);
		if (paths.has(path)) continue;
		if (variant.kind === 'linkkit-create') paths.set(path, linkkitWorkflow(path, 'create'));
		else if (variant.kind === 'linkkit-create-many') paths.set(path, linkkitWorkflow(path, 'createMany'));
		else paths.set(path, httpRequestWorkflow(path, sandboxUrl, variant.kind === 'http-request-batched' ? variant.rate : undefined));
	}
	return [...paths.values()];
}

/** The run's time the limit alone would take, for choosing how often to repeat it. */
const expectedSeconds = (variant: Variant) => Math.max(0, (variant.kind === 'linkkit-create-many' ? variant.items / 100 : variant.items) - variant.rate) / variant.rate;

export async function runVariant(bench: BenchN8n, admin: SandboxAdmin, variant: Variant, round: number): Promise<VariantRun> {
	await admin.reset();
	await admin.rateLimit(variant.rate, variant.rate);
	await admin.faults({ ...(variant.faults ? TWENTY_PERCENT_FAULTS : {}), latencyMs: variant.latencyMs });
	await admin.clearStats();
	const tag = `${variant.kind}-${variant.rate}-${variant.faults ? 'f' : 'n'}-${round}-${randomBytes(3).toString('hex')}`;
	const answer = await bench.runWebhook(pathOf(variant), { tag, count: variant.items });
	await admin.faults({ rate: 0, drop: 0, html: 0, commitDrop: 0, commit500: 0, latencyMs: 0 });
	const stats = await admin.stats({ destinationPrefix: `${DESTINATION_ROOT}/${tag}/`, records: true });
	const measured = measure(stats, tag, variant.items, { rate: variant.rate, burst: variant.rate });
	return {
		variant: variant.kind,
		rate: variant.rate,
		burst: variant.rate,
		faultShare: variant.faults ? Math.round(FAULT_SHARE * 1000) / 1000 : 0,
		latencyMs: variant.latencyMs,
		round,
		workflowStatus: answer.status,
		...measured,
		...(measured.failed && variant.kind.startsWith('linkkit') ? { unsucceeded: unsucceeded(stats.records ?? []) } : {}),
	};
}

/** Attempts of each idempotency key that never got a 2xx, as "status@ms" from the first request. */
function unsucceeded(records: RequestRecord[]): string[][] {
	const start = Math.min(...records.map((r) => r.startMs));
	const byKey = new Map<string, RequestRecord[]>();
	for (const record of records) if (record.idempotencyKey) byKey.set(record.idempotencyKey, [...(byKey.get(record.idempotencyKey) ?? []), record]);
	return [...byKey.values()]
		.filter((attempts) => !attempts.some((r) => r.status >= 200 && r.status < 300))
		.map((attempts) => attempts.map((r) => `${r.status}@${r.startMs - start}`));
}

export async function runThroughput(
	bench: BenchN8n,
	admin: SandboxAdmin,
	plan: Variant[],
	options: { rounds: number; slowRounds: number; log: (line: string) => void },
): Promise<VariantRun[]> {
	const runs: VariantRun[] = [];
	for (let round = 0; round < options.rounds; round++) {
		// Alternate the order each round, so no variant always runs right after the same neighbour.
		const order = round % 2 ? [...plan].reverse() : plan;
		for (const variant of order) {
			if (expectedSeconds(variant) > 100 && round >= options.slowRounds) continue;
			const run = await runVariant(bench, admin, variant, round);
			runs.push(run);
			options.log(
				`  ${run.variant} @${run.rate}/s${variant.faults ? ' +faults' : ''}${run.latencyMs ? ` +${run.latencyMs}ms` : ''} round ${round + 1}: ` +
					`${run.wallSeconds}s, ratio ${run.ratioToLimit}, ${run.requests} requests, ${run.status429}×429, ` +
					`failed ${run.failed}, duplicates ${run.duplicates}${run.workflowStatus === 200 ? '' : `, workflow answered ${run.workflowStatus}`}`,
			);
		}
	}
	return runs;
}

export interface VariantSummary {
	variant: Kind;
	rate: number;
	burst: number;
	faultShare: number;
	latencyMs: number;
	rounds: number;
	items: number;
	/** Medians over the rounds. */
	requests: number;
	wallSeconds: number;
	itemsPerSecond: number;
	ratioToLimit: number;
	status429: number;
	share429: number;
	failed: number;
	duplicates: number;
	/** The worst round, so a median never hides a failure. */
	maxFailed: number;
	maxDuplicates: number;
	workflowFailures: number;
}

export function summarise(runs: VariantRun[]): VariantSummary[] {
	const groups = new Map<string, VariantRun[]>();
	for (const run of runs) {
		const key = `${run.variant}|${run.rate}|${run.faultShare}|${run.latencyMs}`;
		groups.set(key, [...(groups.get(key) ?? []), run]);
	}
	return [...groups.values()].map((group) => {
		const pick = (field: keyof Measured) => median(group.map((run) => run[field] as number));
		return {
			variant: group[0].variant,
			rate: group[0].rate,
			burst: group[0].burst,
			faultShare: group[0].faultShare,
			latencyMs: group[0].latencyMs,
			rounds: group.length,
			items: group[0].items,
			requests: pick('requests'),
			wallSeconds: pick('wallSeconds'),
			itemsPerSecond: pick('itemsPerSecond'),
			ratioToLimit: pick('ratioToLimit'),
			status429: pick('status429'),
			share429: median(group.map((run) => (run.requests ? run.status429 / run.requests : 0))),
			failed: pick('failed'),
			duplicates: pick('duplicates'),
			maxFailed: Math.max(...group.map((run) => run.failed)),
			maxDuplicates: Math.max(...group.map((run) => run.duplicates)),
			workflowFailures: group.filter((run) => run.workflowStatus !== 200).length,
		};
	});
}
