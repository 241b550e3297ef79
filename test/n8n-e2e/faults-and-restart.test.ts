/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The package in a real n8n 2.41.1 (one main process, SQLite) against a sandbox that misbehaves the way real
 * services do:
 *  1. Fault soak: 300 links through Create and Create Many while a fifth of all requests are faulted (including
 *     commit-drop and commit-500, which change data and then lose or spoil the answer, and stalls that only the
 *     request timeout ends), counted from the sandbox's own records: nothing lost, nothing duplicated.
 *  2. Restart: an active Linkkit Trigger (New Campaign) on lists that trail the writes by up to 10 s, with campaigns
 *     created every few seconds; n8n is killed with SIGKILL between two polls and started again. No event may be
 *     lost; repeats are counted and reported.
 * Skipped when LINKKIT_SKIP_REAL_N8N=1 (`npm run test:fast`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { n8nBin } from '../../scripts/n8n/provision';
import { packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { collect } from '../../core';
import { countSoak, describeSoak, n8nOutcomes, n8nSoakWorkflow, SOAK_BULK_SCRIPT, SOAK_FAULTS, type SoakCount } from '../support/fault-soak';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startCollector, type Collector } from './collector';
import { CREDENTIAL, triggerToCollector } from './workflows';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeReal = skip ? describe.skip : describe;
const run = `soak${Date.now().toString(36)}`;
const SOAK_ITEMS = { create: 150, createMany: 150 } as const;
const LAG_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

jest.setTimeout(600_000);

describeReal('faults that change data, and a crash between polls, in a real n8n', () => {
	let sandbox: RunningSandbox;
	let collector: Collector;
	let n8n: RunningN8n;
	let inserting = true;
	let inserter: Promise<void> | undefined;
	const campaignPrefix = `Restart ${run}`;

	/** A campaign every 2.5 s through the core (it retries through the faults, so each is created once). */
	async function insertCampaigns(): Promise<void> {
		const { client } = realClient(sandbox.url, sandbox.apiKey, { maxRetries: 10, requestTimeoutMs: 5_000 });
		for (let n = 0; inserting; n++) {
			await client.campaigns.create({ name: `${campaignPrefix} ${String(n).padStart(4, '0')}` }).catch((error: Error) => {
				console.log(`inserter: ${error.message}`);
			});
			await sleep(2_500);
		}
	}

	beforeAll(async () => {
		sandbox = await startTestSandbox({ visibilityLagMs: LAG_MS });
		collector = await startCollector();
		const tarball = packPackage(join(repoRoot, 'tmp/n8n-faults/pack'));
		n8n = await startN8n({
			userFolder: join(repoRoot, 'tmp/n8n-faults/user'),
			tarball,
			async beforeStart(cli) {
				await cli.importCredentials([{ ...CREDENTIAL, type: 'linkkitApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } }]);
				await cli.importWorkflows([
					triggerToCollector('restartCampaigns', { event: 'newCampaign' }, collector.url),
					n8nSoakWorkflow('soakCreate', 'create', run, SOAK_ITEMS.create),
					n8nSoakWorkflow('soakCreateMany', 'createMany', run, SOAK_ITEMS.createMany),
				]);
				const published = await cli.cli(['publish:workflow', '--id=restartCampaigns']);
				if (published.code !== 0) throw new Error(`publish failed: ${published.stderr}`);
			},
		});
		// n8n reports ready before it has activated the trigger: wait for the activation poll (it asks for the newest
		// campaign) so that every campaign created from now on is new, not history.
		const deadline = Date.now() + 120_000;
		const activated = async () => {
			const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats?requests=1`)).json()) as { records: Array<{ method: string; url: string }> };
			return stats.records.some((r) => r.method === 'GET' && r.url.startsWith('/v1/campaigns?') && r.url.includes('sort=-createdAt'));
		};
		while (!(await activated())) {
			if (Date.now() > deadline) throw new Error('n8n did not activate the trigger within 2 minutes');
			await sleep(500);
		}
		inserter = insertCampaigns();
	}, 300_000);

	afterAll(async () => {
		inserting = false;
		await inserter;
		await n8n?.stop();
		await collector?.stop();
		await sandbox?.stop();
	});

	test('fault soak: 300 links through Create and Create Many with 20 % mixed faults: 0 lost, 0 duplicated', async () => {
		await fetch(`${sandbox.url}/__sandbox/stats/clear`, { method: 'POST' });
		sandbox.setFaults({ ...SOAK_FAULTS, next: SOAK_BULK_SCRIPT });
		const outputs: Record<string, unknown> = {};
		try {
			for (const operation of Object.keys(SOAK_ITEMS) as Array<keyof typeof SOAK_ITEMS>) {
				const started = Date.now();
				const result = await n8n.execute(operation === 'create' ? 'soakCreate' : 'soakCreateMany');
				expect(result.ok).toBe(true);
				outputs[operation] = result.data;
				console.log(`n8n soak ${operation}: the run took ${Math.round((Date.now() - started) / 1000)} s (n8n CLI start included)`);
			}
		} finally {
			sandbox.setFaults({ commitDrop: 0, commit500: 0, drop: 0, rate: 0, html: 0, stall: 0, next: [] });
		}
		const counts: Record<string, SoakCount> = {};
		for (const [operation, items] of Object.entries(SOAK_ITEMS)) {
			counts[operation] = await countSoak(sandbox, run, operation, n8nOutcomes(outputs[operation], items));
			console.log(`n8n ${describeSoak(operation, counts[operation])}`);
		}
		const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { byStatus: Record<string, number>; idempotentReplays: number };
		console.log(`sandbox during the soak: ${JSON.stringify(stats.byStatus)}, ${stats.idempotentReplays} idempotent replays`);
		// The faults really happened: unanswered requests, 5xx, and creates answered from their first attempt's record.
		expect(stats.byStatus['0']).toBeGreaterThan(5);
		expect((stats.byStatus['500'] ?? 0) + (stats.byStatus['503'] ?? 0)).toBeGreaterThan(5);
		expect(stats.idempotentReplays).toBeGreaterThan(5);
		for (const count of Object.values(counts)) {
			expect({ lost: count.lost, duplicated: count.duplicated, wrongOutput: count.wrongOutput }).toEqual({ lost: 0, duplicated: 0, wrongOutput: 0 });
			for (const failure of count.failures) expect(failure.message).toMatch(/Linkkit/);
			expect(count.created + count.failed).toBe(count.items);
		}
		expect(n8n.log()).not.toContain(sandbox.apiKey);
	});

	test('SIGKILL between two polls, then a restart: no campaign event lost; repeats counted', async () => {
		const path = '/restartCampaigns';
		const received = () => (collector.received.get(path) ?? []) as Array<{ id: string; name: string }>;
		// A poll that handed something on, then a few seconds for its execution to finish: between two polls.
		const first = await collector.waitFor(path, 1, 150_000);
		expect(first.length).toBeGreaterThan(0);
		let seen = received().length;
		let quietSince = Date.now();
		while (Date.now() - quietSince < 5_000) {
			await sleep(500);
			if (received().length !== seen) [seen, quietSince] = [received().length, Date.now()];
		}
		const beforeKill = received().length;
		await n8n.kill('SIGKILL');
		const killedAt = Date.now();
		await sleep(15_000);
		await n8n.restart();
		const downMs = Date.now() - killedAt;
		await sleep(30_000);
		inserting = false;
		await inserter;
		// Lists trail the writes by up to LAG_MS: wait that long before asking Linkkit what was created.
		await sleep(LAG_MS + 1_000);

		const { client } = realClient(sandbox.url, sandbox.apiKey);
		const created = (await collect(client.campaigns.iterate({ search: campaignPrefix, sort: 'createdAt' }, { returnAll: true }))).map((c) => c.id);
		// Settled after SETTLE_MS, handed on at the next one-minute poll.
		const deadline = Date.now() + 150_000;
		while (Date.now() < deadline && new Set(received().map((item) => item.id)).size < created.length) await sleep(1_000);

		const ids = received().map((item) => item.id);
		const unique = new Set(ids);
		const lost = created.filter((id) => !unique.has(id));
		const repeats = ids.length - unique.size;
		console.log(
			`restart: ${created.length} campaigns created, ${beforeKill} events before the kill, n8n down ${Math.round(downMs / 1000)} s, ` +
				`${ids.length} events received, ${lost.length} lost, ${repeats} repeated`,
		);
		expect(lost).toEqual([]);
		expect([...unique].sort()).toEqual([...created].sort());
		// Every event came after a poll; within each poll oldest first, so overall the order is creation order.
		expect(ids.filter((id, i) => ids.indexOf(id) === i)).toEqual(created);
		expect(readFileSync(n8n.logFile, 'utf8')).not.toContain(sandbox.apiKey);
	});
});
