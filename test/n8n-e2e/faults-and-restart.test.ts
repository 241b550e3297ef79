/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The package in a real n8n 2.41.1 (one main process, SQLite) against a sandbox that misbehaves the way real
 * services do, and whose lists trail the writes by up to 10 s (`--visibility-lag 10000`); 429s carry no rate-limit
 * header (Linkkit's documented behaviour):
 *  1. Fault soak: 300 links through Create and Create Many while a fifth of all requests are faulted (including
 *     commit-drop and commit-500, which change data and then lose or spoil the answer, and stalls that only the
 *     request timeout ends), counted from the sandbox's own records: nothing lost, nothing duplicated, no output
 *     naming another link.
 *  2. Restart: an active Linkkit Trigger (New Link, one segment) with a link created in that segment every 2.5 s; n8n
 *     is killed with SIGKILL between two polls and started again. Every link must reach the workflow once, in order.
 * Skipped when LINKKIT_SKIP_REAL_N8N=1 (`npm run test:fast`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect } from '../../core';
import { n8nBin } from '../../scripts/n8n/provision';
import { packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { N8nRest } from '../../scripts/n8n/rest';
import { countSoak, describeSoak, n8nOutcomes, n8nSoakWorkflow, NO_SOAK_FAULTS, SOAK_BULK_SCRIPT, SOAK_FAULTS, type SoakCount } from '../support/fault-soak';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startCollector, type Collector } from './collector';
import { runHeadless } from './runs';
import { linkkitCredentialJson, locator, triggerToCollector } from './workflows';

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

describeReal('faults that change data, and a crash between polls, in a real n8n on lagging lists', () => {
	let sandbox: RunningSandbox;
	let collector: Collector;
	let n8n: RunningN8n;
	let rest: N8nRest;
	let inserting = true;
	let inserter: Promise<void> | undefined;
	let segmentId = '';
	const insertPrefix = `https://restart.example.com/${run}/`;

	/** A link in the watched segment every 2.5 s, each under its own code (PUT: retried through faults, made once). */
	async function insertLinks(): Promise<void> {
		const { client } = realClient(sandbox.url, sandbox.apiKey, { maxRetries: 10, requestTimeoutMs: 5_000 });
		for (let n = 0; inserting; n++) {
			const code = `rs-${run}-${String(n).padStart(4, '0')}`;
			await client.links.upsert(code, { original_url: `${insertPrefix}${n}`, list_id: segmentId }).catch((error: Error) => {
				console.log(`inserter: ${code}: ${error.message}`);
			});
			await sleep(2_500);
		}
	}

	beforeAll(async () => {
		sandbox = await startTestSandbox({ visibilityLagMs: LAG_MS });
		collector = await startCollector();
		const { client } = realClient(sandbox.url, sandbox.apiKey);
		segmentId = String((await client.segments.create({ name: `Restart ${run}` })).id);
		const tarball = packPackage(join(repoRoot, 'tmp/n8n-faults/pack'));
		n8n = await startN8n({
			userFolder: join(repoRoot, 'tmp/n8n-faults/user'),
			tarball,
			async beforeStart(cli) {
				await cli.importCredentials([linkkitCredentialJson(sandbox)]);
				await cli.importWorkflows([
					triggerToCollector('restartLinks', { event: 'newLink', segment: locator('id', segmentId) }, collector.url),
					n8nSoakWorkflow('soakCreate', 'create', run, SOAK_ITEMS.create),
					n8nSoakWorkflow('soakCreateMany', 'createMany', run, SOAK_ITEMS.createMany),
				]);
				const published = await cli.cli(['publish:workflow', '--id=restartLinks']);
				if (published.code !== 0) throw new Error(`publish failed: ${published.stderr}`);
			},
		});
		rest = new N8nRest(n8n.url);
		await rest.setupOwner();
		// n8n reports ready before it has activated the trigger: wait for the activation poll (it lists the segment's
		// links) so that every link created from now on is new, not history.
		const deadline = Date.now() + 120_000;
		const activated = () => sandbox.stats.list().some((r) => r.method === 'GET' && r.url.startsWith('/v1/links?') && r.url.includes(segmentId));
		while (!activated()) {
			if (Date.now() > deadline) throw new Error('n8n did not activate the trigger within 2 minutes');
			await sleep(500);
		}
		inserter = insertLinks();
	}, 300_000);

	afterAll(async () => {
		inserting = false;
		await inserter;
		await n8n?.stop();
		await collector?.stop();
		await sandbox?.stop();
	});

	test('fault soak: 300 links through Create and Create Many with 20 % mixed faults: 0 lost, 0 duplicated, 0 wrong outputs', async () => {
		sandbox.stats.clear();
		sandbox.setFaults({ ...SOAK_FAULTS, next: SOAK_BULK_SCRIPT });
		const outputs: Record<string, unknown> = {};
		const seconds: Record<string, number> = {};
		let scriptLeft: unknown[] = [];
		try {
			for (const operation of Object.keys(SOAK_ITEMS) as Array<keyof typeof SOAK_ITEMS>) {
				const started = Date.now();
				const result = await runHeadless(n8n, rest, operation === 'create' ? 'soakCreate' : 'soakCreateMany');
				if (!result.ok) console.log(result.output.slice(-3000));
				expect(result.ok).toBe(true);
				outputs[operation] = result.data;
				seconds[operation] = Math.round((Date.now() - started) / 1000);
			}
		} finally {
			scriptLeft = sandbox.setFaults({}).next;
			sandbox.setFaults(NO_SOAK_FAULTS);
		}
		const stats = sandbox.stats.current();
		const counts: Record<string, SoakCount> = {};
		for (const [operation, items] of Object.entries(SOAK_ITEMS)) {
			counts[operation] = await countSoak(sandbox, run, operation, n8nOutcomes(outputs[operation], items));
			console.log(`n8n ${describeSoak(operation, counts[operation])}; the run took ${seconds[operation]} s (n8n CLI start included)`);
		}
		const faulted = Object.entries(stats.byStatus).filter(([status]) => status === '0' || Number(status) >= 500).reduce((sum, [, n]) => sum + n, 0);
		console.log(
			`sandbox during the soak: ${stats.requests} requests, ${faulted} unanswered or 5xx, ${stats.byStatus['429'] ?? 0} answered 429 ` +
				`(${((100 * (stats.byStatus['429'] ?? 0)) / stats.requests).toFixed(1)} %); by status ${JSON.stringify(stats.byStatus)}; ` +
				`bulk ${stats.byRoute['POST /v1/links/bulk'] ?? 0}, PUT ${Object.entries(stats.byRoute).filter(([route]) => route.startsWith('PUT ')).reduce((s, [, n]) => s + n, 0)}`,
		);
		// The faults really happened: unanswered requests, 5xx (injected, and commit-500 after a saved write).
		expect(stats.byStatus['0']).toBeGreaterThan(5);
		expect((stats.byStatus['500'] ?? 0) + (stats.byStatus['503'] ?? 0)).toBeGreaterThan(5);
		// The scripted bulk faults were all used (commit-drop, commit-500, stall on the first bulk requests).
		expect(scriptLeft).toEqual([]);
		for (const count of Object.values(counts)) {
			expect({ lost: count.lost, duplicated: count.duplicated, wrongOutput: count.wrongOutput }).toEqual({ lost: 0, duplicated: 0, wrongOutput: 0 });
			for (const failure of count.failures) expect(failure.message).toMatch(/Linkkit/);
			expect(count.created + count.failed - count.failedButCreated).toBe(count.items);
		}
		expect(n8n.log()).not.toContain(sandbox.apiKey);
	});

	test('SIGKILL between two polls, then a restart: every new link of the segment delivered once, in creation order', async () => {
		const path = '/restartLinks';
		const received = () => (collector.received.get(path) ?? []) as Array<{ id: string; short_code: string }>;
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
		const created = (await collect(client.links.iterate({ list_id: segmentId }, { returnAll: true })))
			.sort((a, b) => a.created_at.localeCompare(b.created_at))
			.map((link) => link.short_code);
		// Settled after SETTLE_MS, handed on at the next one-minute poll.
		const deadline = Date.now() + 150_000;
		while (Date.now() < deadline && new Set(received().map((item) => item.short_code)).size < created.length) await sleep(1_000);
		// One more poll: a repeat would show now.
		await sleep(65_000);

		const codes = received().map((item) => item.short_code);
		const unique = new Set(codes);
		const lost = created.filter((code) => !unique.has(code));
		const repeats = codes.length - unique.size;
		console.log(
			`restart: ${created.length} links created in the segment, ${beforeKill} delivered before the kill, n8n down ${Math.round(downMs / 1000)} s, ` +
				`${codes.length} delivered, ${lost.length} lost, ${repeats} repeated`,
		);
		expect(created.length).toBeGreaterThan(beforeKill);
		expect(lost).toEqual([]);
		expect(repeats).toBe(0);
		// Every delivery came from a poll; within each poll oldest first, so overall the order is creation order.
		expect(codes).toEqual(created);
		expect(readFileSync(n8n.logFile, 'utf8')).not.toContain(sandbox.apiKey);
	});
});
