/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only benchmark, never shipped in the n8n package */
/**
 * `npm run bench [-- --sections throughput,rows,polls,instant,zapier,weight] [--rounds 3] [--baseline-rounds 1]
 *  [--slow-rounds 1] [--rows-rounds 3] [--bulk-seconds 5] [--only <text>,…]`
 *
 * Every figure is counted by the sandbox (its /__sandbox/stats) or read from the execution n8n saved, on a real n8n
 * 2.41.1 with this package installed from its packed tarball, the sandbox as its own process. Writes
 * bench/results/<date>.json and prints Markdown tables (medians over the rounds; the worst round beside a median
 * where it differs). See README "Performance" for what each figure means.
 *  - `--rounds`: rounds of each Linkkit variant; `--baseline-rounds`: of each HTTP Request baseline; a variant whose
 *    limit alone takes more than 200 s, and Create Many under faults, run `--slow-rounds` times.
 *  - `--rows-rounds`: rounds of the 30 000-row comparison (with rate-limit headers; once without).
 *  - `--only`: throughput variants whose name (e.g. `linkkit-create@5/s none +faults`) contains one of the texts.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { n8nBin, provisionN8n } from '../scripts/n8n/provision';
import { describeMachine, finishMachine, sampleLoad } from './lib/machine';
import { buildTarball, startBenchN8n } from './lib/n8n-bench';
import { markdownTable, percent, writeResults } from './lib/report';
import { ACCOUNT_SIZES, POLL_HEADER_MODES, pollTableRows, runPolls } from './sections/polls';
import { ROWS, rowsWorkflow, runRows, setSecondsPerRow, type RowsSummary } from './sections/rows';
import {
	checkGoals,
	expectedSeconds,
	isLinkkit,
	laneCredentials,
	runOneAtATime,
	runSideBySide,
	sideBySide,
	startLane,
	summarise,
	throughputPlan,
	variantName,
	variantWorkflow,
	type GoalCheck,
	type Lane,
	type Variant,
	type VariantRun,
	type VariantSummary,
} from './sections/throughput';
import { INSTANT_LATENCY_HEADER, INSTANT_REQUESTS_HEADER, instantLatencyRows, instantRequestRows, runInstant } from './sections/instant';
import { measureWeight } from './sections/weight';
import { runZapier } from './sections/zapier';

const SECTIONS = ['throughput', 'rows', 'polls', 'instant', 'zapier', 'weight'] as const;
type Section = (typeof SECTIONS)[number];

function options() {
	const { values } = parseArgs({
		options: {
			sections: { type: 'string', default: SECTIONS.join(',') },
			rounds: { type: 'string', default: '3' },
			'baseline-rounds': { type: 'string', default: '1' },
			'slow-rounds': { type: 'string', default: '1' },
			'rows-rounds': { type: 'string', default: '3' },
			'bulk-seconds': { type: 'string', default: '5' },
			only: { type: 'string' },
		},
	});
	const sections = values.sections.split(',').map((s) => s.trim()) as Section[];
	for (const section of sections) if (!SECTIONS.includes(section)) throw new Error(`Unknown section "${section}"; use ${SECTIONS.join(', ')}`);
	return {
		sections,
		rounds: Number(values.rounds),
		baselineRounds: Number(values['baseline-rounds']),
		slowRounds: Number(values['slow-rounds']),
		rowsRounds: Number(values['rows-rounds']),
		bulkSeconds: Number(values['bulk-seconds']),
		only: values.only?.split(',').map((s) => s.trim()),
	};
}

const orderOf = (s: VariantSummary) =>
	[s.rate, s.faultShare ? 1 : 0, ['linkkit-create', 'linkkit-create-many', 'http-request-retry-on-fail', 'http-request-batched', 'http-request-bulk'].indexOf(s.variant), ['none', 'retry-after', 'full'].indexOf(s.headers)];

function sorted(summaries: VariantSummary[]): VariantSummary[] {
	return [...summaries].sort((a, b) => {
		const x = orderOf(a);
		const y = orderOf(b);
		for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
		return 0;
	});
}

const withWorst = (median: number, worst: number) => (median === worst ? String(median) : `${median} (${worst})`);
const n = (value: number) => value.toLocaleString('en');

export function throughputTable(summaries: VariantSummary[]): string {
	return markdownTable(
		['variant', 'limit', 'headers', 'faults', 'items', 'requests', '429s', 'window s', 'node s', 'items/s', 'ratio (window)', 'ratio (node)', 'failed', 'lost', 'duplicates', 'rounds'],
		sorted(summaries).map((s) => [
			s.variant,
			`${s.rate}/s`,
			s.headers,
			s.faultShare ? percent(s.faultShare) : '–',
			n(s.items),
			n(s.requests),
			`${n(s.status429)} (${percent(s.share429)})`,
			s.wallSeconds,
			s.nodeSeconds ?? '–',
			n(s.itemsPerSecond),
			isLinkkit(s.variant) ? `**${withWorst(s.ratioToLimit, s.minRatioToLimit)}**` : withWorst(s.ratioToLimit, s.minRatioToLimit),
			s.ratioNode === undefined ? '–' : isLinkkit(s.variant) ? `**${withWorst(s.ratioNode, s.minRatioNode ?? s.ratioNode)}**` : withWorst(s.ratioNode, s.minRatioNode ?? s.ratioNode),
			withWorst(s.failed, s.maxFailed),
			withWorst(s.lost, s.maxLost),
			withWorst(s.duplicates, s.maxDuplicates),
			`${s.rounds}${s.sideBySide ? ' ‖' : ''}`,
		]),
	);
}

export function goalsTable(checks: GoalCheck[]): string {
	return markdownTable(
		['variant', 'goal', 'measured', 'met'],
		checks.map((c) => [c.variant, c.goal, c.measured, c.met ? 'yes' : '**no**']),
	);
}

/**
 * Create Many against both bounds: the limit (1 000 rows a request) and n8n's own time to evaluate the rows (the Set
 * node's, from the rows section of the same run). `best s` is the larger of the two; `node ÷ best` 1 means the node
 * adds nothing beyond whichever binds.
 */
export function createManyTable(summaries: VariantSummary[], setPerRow: number | undefined): string {
	return markdownTable(
		['limit', 'headers', 'faults', 'rows', 'limit allows rows/s', "n8n's own rows/s (Set node)", 'rows/s (node)', 'node s', 'best s (limit or n8n)', 'best ÷ node'],
		sorted(summaries)
			.filter((s) => s.variant === 'linkkit-create-many')
			.map((s) => {
				const allowed = Math.max(0, s.items / 1000 - s.burst) / s.rate;
				const floor = setPerRow === undefined ? undefined : s.items * setPerRow;
				const best = Math.max(allowed, floor ?? 0);
				return [
					`${s.rate}/s`,
					s.headers,
					s.faultShare ? percent(s.faultShare) : '–',
					n(s.items),
					n(1000 * s.rate),
					setPerRow ? n(Math.round(1 / setPerRow)) : '–',
					s.nodeSeconds ? n(Math.round(s.items / s.nodeSeconds)) : '–',
					s.nodeSeconds ?? '–',
					Math.round(best * 100) / 100,
					s.nodeSeconds ? `**${(best / s.nodeSeconds).toFixed(2)}**` : '–',
				];
			}),
	);
}

export function rowsTable(summaries: RowsSummary[]): string {
	return markdownTable(
		['headers', 'rows', 'Set node s', 'Create Many s', 'Create Many ÷ Set', 'first request after (s)', 'request window s', 'requests', 'failed / lost / duplicates', 'rounds'],
		summaries.map((s) => [
			s.headers,
			n(s.rows),
			s.setSeconds,
			s.nodeSeconds,
			s.nodeOverSet,
			s.firstRequestAfterSeconds,
			s.windowSeconds,
			s.requests,
			`${s.maxFailed} / ${s.maxLost} / ${s.maxDuplicates}`,
			s.rounds,
		]),
	);
}

let packed: string | undefined;
/** Built and packed once per run. */
const tarball = () => (packed ??= buildTarball());

/** Sandboxes for the side-by-side variants, a few at a time (each compiles the sandbox with tsx at start). */
async function startLanes(variants: Variant[]): Promise<Map<Variant, Lane>> {
	const lanes = new Map<Variant, Lane>();
	for (let i = 0; i < variants.length; i += 4) {
		const started = await Promise.all(variants.slice(i, i + 4).map((variant, k) => startLane(`v${i + k}`)));
		started.forEach((lane, k) => lanes.set(variants[i + k], lane));
	}
	return lanes;
}

async function throughputAndRows(opts: ReturnType<typeof options>, results: Record<string, unknown>): Promise<void> {
	const wantThroughput = opts.sections.includes('throughput');
	const wantRows = opts.sections.includes('rows');
	let plan = wantThroughput ? throughputPlan({ bulkSeconds: opts.bulkSeconds }) : [];
	if (opts.only) plan = plan.filter((v) => opts.only?.some((text) => variantName(v).includes(text)));
	// Slow variants run fewer rounds: those the limit alone keeps over 200 s, and Create Many under faults (a lost bulk
	// answer is followed by reading back every link created since, at the limit: minutes, and as noisy as the faults).
	const roundsOf = (v: Variant) =>
		expectedSeconds(v) > 200 || (v.kind === 'linkkit-create-many' && v.faults)
			? Math.min(opts.slowRounds, opts.rounds)
			: isLinkkit(v.kind)
				? opts.rounds
				: opts.baselineRounds;
	const together = plan.filter(sideBySide);
	const alone = plan.filter((v) => !sideBySide(v));

	console.log(`\nStarting ${together.length + 1} sandboxes`);
	const lanes = await startLanes(together);
	const shared = await startLane('shared');
	const allLanes = [...lanes.values(), shared];
	try {
		const workflows = [
			...together.map((variant) => variantWorkflow(variant, lanes.get(variant) as Lane)),
			...alone.map((variant) => variantWorkflow(variant, shared)),
			...(wantRows ? [rowsWorkflow(shared.linkkit)] : []),
		];
		const bench = await startBenchN8n({ name: 'throughput', tarball: tarball(), credentials: allLanes.flatMap(laneCredentials), workflows, publishVia: 'database' });
		try {
			let setPerRow: number | undefined;
			if (wantRows) {
				console.log(`\n${n(ROWS)} rows: Set node, then Create Many, no effective limit`);
				const rows = await runRows(bench, shared, opts.rowsRounds, console.log);
				results.rows = rows;
				setPerRow = setSecondsPerRow(rows.summaries);
				console.log(`\n${rowsTable(rows.summaries)}\n`);
			}
			if (plan.length) {
				const runs: VariantRun[] = [];
				console.log(`\nThroughput: ${together.length} variants side by side (each its own sandbox), then ${alone.length} one at a time (n8n ${bench.n8n.url})`);
				runs.push(...(await runSideBySide(bench, lanes, roundsOf, console.log)));
				runs.push(...(await runOneAtATime(bench, shared, alone, roundsOf, console.log)));
				const summaries = summarise(runs);
				const goals = checkGoals(summaries);
				results.throughput = { bulkSeconds: opts.bulkSeconds, setSecondsPerRow: setPerRow, summaries: sorted(summaries), goals, runs };
				console.log(`\n${throughputTable(summaries)}\n\n${createManyTable(summaries, setPerRow)}\n\n${goalsTable(goals)}\n`);
			}
		} finally {
			await bench.stop();
		}
	} finally {
		for (const lane of allLanes) await lane.sandbox.stop();
	}
}

async function main() {
	const opts = options();
	// Every sandbox process (up to ~25 at once) and n8n register an exit hook that takes them down with this process.
	process.setMaxListeners(64);
	const machine = describeMachine();
	const load = sampleLoad();
	console.log(`Linkkit bench on ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, load ${machine.loadAtStart}`);
	if (machine.othersAtStart.length) console.log(`Also running: ${machine.othersAtStart.join(', ')}`);
	if (!existsSync(n8nBin())) await provisionN8n();
	const results: Record<string, unknown> = { date: new Date().toISOString(), machine, options: opts };
	const save = () => writeResults({ ...results, machine: { ...finishMachine(machine), load: load.stop() } });

	try {
		if (opts.sections.includes('throughput') || opts.sections.includes('rows')) await throughputAndRows(opts, results);

		if (opts.sections.includes('polls')) {
			console.log('\nPoll cost vs account size (n8n polls every minute: about 5 minutes)');
			const costs = await runPolls(tarball(), console.log);
			results.polls = costs;
			console.log(
				`\n${markdownTable(['event', ...(POLL_HEADER_MODES.length > 1 ? ['headers'] : []), 'poll', ...ACCOUNT_SIZES.map((size) => `${n(size)} links`), 'ms, largest ÷ smallest account'], pollTableRows(costs))}\n`,
			);
		}

		if (opts.sections.includes('instant')) {
			console.log('\nInstant (webhook) vs polling trigger: latency and requests while the account is quiet (about 8 minutes)');
			const instant = await runInstant(tarball(), console.log);
			results.instant = instant;
			console.log(`\n${markdownTable(INSTANT_LATENCY_HEADER, instantLatencyRows(instant))}\n\n${markdownTable(INSTANT_REQUESTS_HEADER, instantRequestRows(instant))}\n`);
		}

		if (opts.sections.includes('zapier')) {
			console.log('\nZapier (the built zip)');
			const zapier = await runZapier(console.log);
			results.zapier = zapier;
			console.log(
				`\n${markdownTable(
					['steps', 'limit', 'headers', 'completed in the step', 'ThrottledError', 'other errors', 'median s (completed / throttled)', 'duplicates', 'created by a throttled step'],
					zapier.runs.map((z) => [
						z.steps,
						`${z.limit.rate}/s, burst ${z.limit.burst}`,
						z.headers,
						z.completed,
						z.throttled,
						z.otherErrors.length,
						`${z.completedSeconds} / ${z.throttledSeconds}`,
						z.duplicates,
						z.createdByThrottled,
					]),
				)}\n\nCold require of the zip's handler: ${zapier.coldRequireMs} ms\n`,
			);
		}

		if (opts.sections.includes('weight')) {
			tarball();
			const weight = measureWeight();
			results.weight = weight;
			const kb = (bytes?: number) => (bytes === undefined ? '–' : `${n(Math.round(bytes / 1024))} KB`);
			console.log(
				`\n${markdownTable(
					['n8n tarball', 'unpacked', 'files', 'Zapier zip', 'files'],
					[[kb(weight.n8nTarballBytes), kb(weight.n8nUnpackedBytes), weight.n8nFiles, kb(weight.zapierZipBytes), weight.zapierZipFiles ?? '–']],
				)}\n`,
			);
		}
	} finally {
		// Whatever finished is kept, also when a later section failed.
		console.log(`Results: ${save()}`);
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
