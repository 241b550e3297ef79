/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only soak, never shipped in the n8n package */
/**
 * `npm run soak [-- --items 3000 --inserts 1000]`: the full-size fault soak, in a real n8n 2.41.1 with the packed
 * package, against the sandbox (its own process, 429s without rate-limit headers as Linkkit documents them) failing
 * about 20 % of requests in every way it can, including writes that are carried out and then answered with a dropped
 * connection or a 500, and stalls:
 *  - Link → Create (short codes derived from the execution, PUT) and Link → Create Many (bulk POST, 100 rows per
 *    request), `--items` each, run at the same time on one API key, "On Error" set to continue so that whatever
 *    still fails after the retries shows as its own error item (a Create Many row not created shows its status);
 *  - while they run, `--inserts` links are created in a segment that an active Linkkit Trigger (New Link, that
 *    segment) watches, polling every minute under the same faults, its items posted to a collector.
 * Counted from the sandbox's own records and the collector: nothing lost (every item created, or reported on its
 * own item with a message), nothing created twice, every insert delivered exactly once. Exit code 1 otherwise.
 * Writes bench/results/soak-<date>.json.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../scripts/n8n/instance';
import { n8nBin, provisionN8n } from '../scripts/n8n/provision';
import { startCollector } from '../test/n8n-e2e/collector';
import { locator, triggerToCollector } from '../test/n8n-e2e/workflows';
import { realClient } from '../test/support/fetch-port';
import { describeMachine, finishMachine } from './lib/machine';
import { buildTarball, linkkitCredential, startBenchN8n } from './lib/n8n-bench';
import { markdownTable } from './lib/report';
import { startSandboxProcess, type FaultSettings, type SandboxProcess } from './lib/sandbox-process';
import { DESTINATION_ROOT, destinationOf, linkkitWorkflow } from './lib/workflows';

/** About 20 % of requests: before the handler (500/503, HTML 502, dropped, stalled) and after it (commit-drop, commit-500). */
export const SOAK_FAULTS: FaultSettings = { rate: 0.08, drop: 0.03, html: 0.02, commitDrop: 0.05, commit500: 0.03, stall: 0.01, stallMs: 35_000 };
const LIMIT = { rate: 50, burst: 50 };
/** Rows per Create Many request: 30 requests for 3 000 items, so the bulk path meets its share of the faults. */
const BULK_BATCH_SIZE = 100;

interface NodeOutcome {
	items: number;
	created: number;
	/** Items with no link and no error item: the failure nobody would see. */
	lost: number;
	duplicates: number;
	/** Error items (after all retries), with their messages. */
	reported: Array<{ index: number; message: string }>;
	/** Error items whose link exists all the same (an answer lost after the write, retries used up). */
	reportedButCreated: number;
	workflowStatus: number;
}

interface Summary {
	items: number;
	errors: Array<{ index: number; message: string }>;
}

async function runNode(bench: Awaited<ReturnType<typeof startBenchN8n>>, sandbox: SandboxProcess, path: string, tag: string, items: number): Promise<NodeOutcome> {
	const answer = await bench.runWebhook(path, { tag, count: items });
	const summary = (answer.status === 200 ? answer.body : { items: 0, errors: [] }) as Summary;
	const { linksByDestination = {} } = await sandbox.admin.stats({ destinationPrefix: `${DESTINATION_ROOT}/${tag}/` });
	const reported = new Set(summary.errors.map((e) => e.index));
	let created = 0;
	let lost = 0;
	let duplicates = 0;
	let reportedButCreated = 0;
	for (let i = 0; i < items; i++) {
		const count = linksByDestination[destinationOf(tag, i)] ?? 0;
		if (count > 0) created++;
		if (count > 1) duplicates += count - 1;
		if (count === 0 && !reported.has(i)) lost++;
		if (count > 0 && reported.has(i)) reportedButCreated++;
	}
	return { items, created, lost, duplicates, reported: summary.errors, reportedButCreated, workflowStatus: answer.status };
}

/**
 * Creates `count` links in the segment, a few a second, each under its own short code (PUT: a retry through the
 * faults updates the same link, so each is made once).
 */
async function insertSteadily(sandbox: SandboxProcess, segmentId: string, tag: string, count: number, perSecond: number): Promise<string[]> {
	const { client } = realClient(sandbox.url, sandbox.apiKey, { maxRetries: 10 });
	const ids: string[] = [];
	for (let start = 0; start < count; start += perSecond) {
		const began = Date.now();
		const batch = Array.from({ length: Math.min(perSecond, count - start) }, (_, k) => start + k);
		const links = await Promise.all(
			batch.map(async (i) => (await client.links.upsert(`${tag}-insert-${i}`, { original_url: `${DESTINATION_ROOT}/${tag}/insert-${i}`, list_id: segmentId })).link),
		);
		ids.push(...links.map((link) => link.id));
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - began))));
	}
	return ids;
}

/** Waits until the trigger's first poll (which records where things stand) has asked for the segment's links. */
async function activationPoll(sandbox: SandboxProcess, segmentId: string): Promise<void> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		const { records = [] } = await sandbox.admin.stats({ records: true });
		if (records.some((record) => record.method === 'GET' && record.url.includes(segmentId))) return;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error('The trigger was not activated within 2 minutes');
}

async function main() {
	const { values } = parseArgs({ options: { items: { type: 'string', default: '3000' }, inserts: { type: 'string', default: '1000' } } });
	const items = Number(values.items);
	const inserts = Number(values.inserts);
	const machine = describeMachine();
	console.log(`Linkkit fault soak: ${items} items through Create and Create Many, ${inserts} trigger inserts, ~20 % faults`);
	if (!existsSync(n8nBin())) await provisionN8n();
	const tag = `soak-${randomBytes(3).toString('hex')}`;
	const sandbox = await startSandboxProcess({ links: 1000, rate: LIMIT.rate, burst: LIMIT.burst });
	const collector = await startCollector();
	try {
		const { client } = realClient(sandbox.url, sandbox.apiKey);
		const segmentId = String((await client.segments.create({ name: `Soak ${tag}` })).id);
		const trigger = triggerToCollector('soak-trigger', { event: 'newLink', segment: locator('id', segmentId) }, collector.url);
		const createManyWorkflow = linkkitWorkflow('soak-create-many', 'createMany', true);
		const bulkNode = (createManyWorkflow.nodes as Array<{ type: string; parameters: Record<string, unknown> }>).find((node) => node.type === 'n8n-nodes-linkkit.linkkit');
		if (bulkNode) bulkNode.parameters.options = { batchSize: BULK_BATCH_SIZE };
		const bench = await startBenchN8n({
			name: 'soak',
			tarball: buildTarball(),
			credentials: [linkkitCredential(sandbox)],
			workflows: [linkkitWorkflow('soak-create', 'create', true), createManyWorkflow, trigger],
		});
		let create: NodeOutcome;
		let createMany: NodeOutcome;
		let inserted: string[];
		try {
			await activationPoll(sandbox, segmentId);
			await sandbox.admin.clearStats();
			await sandbox.admin.faults(SOAK_FAULTS);
			console.log('  faults on; Create, Create Many and the inserts run together');
			const started = Date.now();
			[create, createMany, inserted] = await Promise.all([
				runNode(bench, sandbox, 'soak-create', `${tag}-create`, items),
				runNode(bench, sandbox, 'soak-create-many', `${tag}-many`, items),
				insertSteadily(sandbox, segmentId, tag, inserts, Math.max(1, Math.round(inserts / 180))),
			]);
			console.log(`  done in ${Math.round((Date.now() - started) / 1000)} s; waiting for the trigger to deliver every insert`);
			await collector.waitFor('/soak-trigger', inserts, 300_000);
			await sandbox.admin.faults({ rate: 0, drop: 0, html: 0, commitDrop: 0, commit500: 0, stall: 0 });
			// One more poll without faults: anything delivered twice or late shows now.
			await new Promise((resolve) => setTimeout(resolve, 75_000));
		} finally {
			await bench.stop();
		}
		const stats = await sandbox.admin.stats();
		const delivered = (collector.received.get('/soak-trigger') ?? []) as Array<{ id: string }>;
		const deliveredIds = delivered.map((item) => item.id);
		const unique = new Set(deliveredIds);
		const trigger_ = {
			inserted: inserted.length,
			delivered: deliveredIds.length,
			missing: inserted.filter((id) => !unique.has(id)).length,
			duplicates: deliveredIds.length - unique.size,
			unexpected: [...unique].filter((id) => !inserted.includes(id)).length,
		};
		const faultsSeen = Object.fromEntries(Object.entries(stats.byStatus).filter(([status]) => status === '0' || Number(status) >= 500));
		const results = { date: new Date().toISOString(), machine: finishMachine(machine), limit: LIMIT, faults: SOAK_FAULTS, requests: stats.requests, byStatus: stats.byStatus, create, createMany, trigger: trigger_ };
		const file = join(repoRoot, `bench/results/soak-${results.date.slice(0, 10)}.json`);
		writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);
		const row = (name: string, o: NodeOutcome) => [name, o.items, o.created, o.lost, o.duplicates, o.reported.length, o.reportedButCreated];
		const limited = stats.byStatus['429'] ?? 0;
		console.log(`\n${stats.requests} requests; failed or unanswered: ${JSON.stringify(faultsSeen)}; answered 429: ${limited} (${((100 * limited) / Math.max(1, stats.requests)).toFixed(1)} %)\n`);
		console.log(markdownTable(['node', 'items', 'created', 'lost', 'duplicates', 'error items', 'error items whose link exists'], [row('Create', create), row('Create Many', createMany)]));
		console.log(`\n${markdownTable(['trigger', 'inserted', 'delivered', 'missing', 'delivered twice', 'unexpected'], [['New Link', trigger_.inserted, trigger_.delivered, trigger_.missing, trigger_.duplicates, trigger_.unexpected]])}`);
		for (const { index, message } of [...create.reported, ...createMany.reported].slice(0, 5)) console.log(`  error item ${index}: ${message}`);
		console.log(`\nResults: ${file}`);
		const ok = create.lost + createMany.lost + create.duplicates + createMany.duplicates + trigger_.missing + trigger_.duplicates + trigger_.unexpected === 0;
		if (!ok) process.exitCode = 1;
		console.log(ok ? 'Soak passed: nothing lost, nothing twice.' : 'Soak FAILED: see the counts above.');
	} finally {
		await collector.stop();
		await sandbox.stop();
	}
}

main().then(
	() => process.exit(process.exitCode ?? 0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
