/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only benchmark, never shipped in the n8n package */
/**
 * `npm run bench [-- --sections throughput,polls,zapier,weight] [--rounds 3] [--slow-rounds 1] [--only <kind>@<rate>,…]`
 *
 * Every figure is counted by the sandbox (its /__sandbox/stats), on a real n8n 2.41.1 with this package installed
 * from its packed tarball, the sandbox as its own process. Writes bench/results/<date>.json and prints Markdown
 * tables (medians over the rounds; a variant whose limit alone takes more than 100 s runs `--slow-rounds` times).
 * See README "Performance" for what each figure means.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { n8nBin, provisionN8n } from '../scripts/n8n/provision';
import { describeMachine, finishMachine } from './lib/machine';
import { buildTarball, headerCredential, linkkitCredential, startBenchN8n } from './lib/n8n-bench';
import { markdownTable, percent, writeResults } from './lib/report';
import { startSandboxProcess } from './lib/sandbox-process';
import { ACCOUNT_SIZES, pollTableRows, runPolls } from './sections/polls';
import { runThroughput, summarise, throughputPlan, throughputWorkflows, type VariantSummary } from './sections/throughput';
import { measureWeight } from './sections/weight';
import { runZapier } from './sections/zapier';

const SECTIONS = ['throughput', 'polls', 'zapier', 'weight'] as const;
type Section = (typeof SECTIONS)[number];

function options() {
	const { values } = parseArgs({
		options: {
			sections: { type: 'string', default: SECTIONS.join(',') },
			rounds: { type: 'string', default: '3' },
			'slow-rounds': { type: 'string', default: '1' },
			only: { type: 'string' },
		},
	});
	const sections = values.sections.split(',').map((s) => s.trim()) as Section[];
	for (const section of sections) if (!SECTIONS.includes(section)) throw new Error(`Unknown section "${section}"; use ${SECTIONS.join(', ')}`);
	return { sections, rounds: Number(values.rounds), slowRounds: Number(values['slow-rounds']), only: values.only };
}

export function throughputTable(summaries: VariantSummary[]): string {
	return markdownTable(
		['variant', 'limit', 'faults', 'items', 'requests', '429s', 'seconds', 'items/s', 'ratioToLimit', 'failed', 'duplicates', 'rounds'],
		summaries.map((s) => [
			s.variant,
			`${s.rate}/s${s.latencyMs ? `, ${s.latencyMs} ms latency` : ''}`,
			s.faultShare ? percent(s.faultShare) : '–',
			s.items,
			s.requests,
			`${s.status429} (${percent(s.share429)})`,
			s.wallSeconds,
			s.itemsPerSecond,
			s.ratioToLimit,
			s.maxFailed === s.failed ? s.failed : `${s.failed} (max ${s.maxFailed})`,
			s.maxDuplicates === s.duplicates ? s.duplicates : `${s.duplicates} (max ${s.maxDuplicates})`,
			s.rounds,
		]),
	);
}

let packed: string | undefined;
/** Built and packed once per run. */
const tarball = () => (packed ??= buildTarball());

async function main() {
	const opts = options();
	const machine = describeMachine();
	console.log(`Linkkit bench on ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, load ${machine.loadAtStart}`);
	if (machine.othersAtStart.length) console.log(`Also running: ${machine.othersAtStart.join(', ')}`);
	if (!existsSync(n8nBin())) await provisionN8n();
	const results: Record<string, unknown> = { date: new Date().toISOString(), machine };

	if (opts.sections.includes('throughput')) {
		let plan = throughputPlan();
		if (opts.only) {
			const wanted = opts.only.split(',');
			plan = plan.filter((v) => wanted.some((w) => `${v.kind}@${v.rate}`.startsWith(w) || v.kind === w));
		}
		const sandbox = await startSandboxProcess({ links: 1000 });
		const bench = await startBenchN8n({
			tarball: tarball(),
			credentials: [linkkitCredential(sandbox), headerCredential(sandbox)],
			workflows: throughputWorkflows(plan, sandbox.url),
		});
		try {
			console.log(`\nThroughput (n8n ${bench.n8n.url}, sandbox ${sandbox.url})`);
			const runs = await runThroughput(bench, sandbox.admin, plan, { rounds: opts.rounds, slowRounds: opts.slowRounds, log: console.log });
			const summaries = summarise(runs);
			results.throughput = { summaries, runs };
			console.log(`\n${throughputTable(summaries)}\n`);
		} finally {
			await bench.stop();
			await sandbox.stop();
		}
	}

	if (opts.sections.includes('polls')) {
		console.log('\nPoll cost vs account size (n8n polls every minute: about 4 minutes)');
		const costs = await runPolls(tarball(), console.log);
		results.polls = costs;
		console.log(
			`\n${markdownTable(['trigger', 'new items', ...ACCOUNT_SIZES.map((n) => `${n.toLocaleString('en')} links`), 'ms at 100 000 ÷ at 1 000'], pollTableRows(costs))}\n`,
		);
	}

	if (opts.sections.includes('zapier')) {
		console.log('\nZapier (the built zip)');
		const zapier = await runZapier(console.log);
		results.zapier = zapier;
		console.log(
			`\n${markdownTable(
				['steps', 'limit', 'completed in the step', 'ThrottledError', 'other errors', 'median s (completed / throttled)', 'duplicates', 'cold require'],
				[[zapier.steps, `${zapier.limit.rate}/s, burst ${zapier.limit.burst}`, zapier.completed, zapier.throttled, zapier.otherErrors.length, `${zapier.completedSeconds} / ${zapier.throttledSeconds}`, zapier.duplicates, `${zapier.coldRequireMs} ms`]],
			)}\n`,
		);
	}

	if (opts.sections.includes('weight')) {
		tarball();
		const weight = measureWeight();
		results.weight = weight;
		const kb = (bytes?: number) => (bytes === undefined ? '–' : `${Math.round(bytes / 1024)} KB`);
		console.log(
			`\n${markdownTable(
				['n8n tarball', 'unpacked', 'files', 'Zapier zip', 'files'],
				[[kb(weight.n8nTarballBytes), kb(weight.n8nUnpackedBytes), weight.n8nFiles, kb(weight.zapierZipBytes), weight.zapierZipFiles ?? '–']],
			)}\n`,
		);
	}

	results.machine = finishMachine(machine);
	console.log(`Results: ${writeResults(results)}`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
