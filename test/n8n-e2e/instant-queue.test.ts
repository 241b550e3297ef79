/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The Linkkit Instant Trigger in n8n 2.41.1's queue mode, scaled the way n8n scales webhook intake: PostgreSQL and
 * Redis, one `n8n start` main (editor, REST API, activation), one `n8n webhook` process that receives the production
 * deliveries (every process's WEBHOOK_URL names it, so the trigger subscribes there) and two `n8n worker` processes
 * that run the executions. The sandbox delivers over real HTTP on 127.0.0.1.
 *
 * Where the trigger's state lives in queue mode: the subscriptions (ids, secrets) in the workflow's static data in
 * PostgreSQL, written by the main when it activates; `webhook()` runs in the process that received the delivery and
 * reads them from PostgreSQL for each delivery; the executions run on the workers. Repeats are remembered by the
 * receiving process only (n8n 2.41.1 does not save static data a webhook wrote when it started an execution): one
 * webhook process recognises every repeat Linkkit sends it; another process does not. Measured here.
 * Skipped when LINKKIT_SKIP_REAL_N8N=1.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { packPackage, repoRoot } from '../../scripts/n8n/instance';
import { n8nBin } from '../../scripts/n8n/provision';
import { startQueueCluster, type QueueCluster } from '../../scripts/n8n/queue-cluster';
import { N8nRest } from '../../scripts/n8n/rest';
import type { Delivery } from '../../sandbox';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startCollector, type Collector } from './collector';
import {
	ALL_EVENTS,
	eventually,
	executionsOf,
	instantToCollector,
	nodeStateOf,
	postDelivery,
	productionUrl,
	sign,
	waitForExecutions,
	type InstantState,
} from './instant-workflows';
import { linkkitCredentialJson } from './workflows';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeReal = skip ? describe.skip : describe;
const runTag = `iq${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WORKFLOW = 'qInstant';
const QUIET_MS = 4_000;

jest.setTimeout(600_000);

describeReal('Linkkit Instant Trigger in queue mode: main, a webhook process, two workers', () => {
	let sandbox: RunningSandbox;
	let collector: Collector;
	let cluster: QueueCluster;
	let rest: N8nRest;
	const api = () => realClient(sandbox.url, sandbox.apiKey, { maxRetries: 8 }).client;
	/** Where Linkkit delivers: the webhook process (WEBHOOK_URL). */
	const url = () => productionUrl(cluster.webhooks[0].url, WORKFLOW);
	/** The same trigger's URL on the main, which serves production webhooks too. */
	const mainUrl = () => productionUrl(cluster.main.url, WORKFLOW);
	const hooksAt = (target: string) => sandbox.hooks().filter((hook) => hook.url === target);
	const state = (): InstantState => nodeStateOf(cluster.postgres.query(`SELECT "staticData" FROM workflow_entity WHERE id = '${WORKFLOW}'`) || null);
	const deliveriesTo = (target: string) => sandbox.deliveries().filter((delivery) => delivery.target_url === target);
	const workerOf = (executionId: string): number[] =>
		cluster.workers.flatMap((worker, index) => (worker.log().includes(`Worker started execution ${executionId} `) ? [index] : []));
	const count = async () => (await executionsOf(rest, WORKFLOW)).length;
	async function settled(target: string, atLeast: number, timeoutMs = 30_000): Promise<Delivery[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const deliveries = deliveriesTo(target);
			if ((deliveries.length >= atLeast && deliveries.every((delivery) => delivery.state !== 'pending')) || Date.now() > deadline) return deliveries;
			await sleep(100);
		}
	}
	const secretOf = (hookId: string) => (state().subscriptions ?? []).find((s) => s.id === hookId)!.secret;
	const ours = () => sandbox.hooks().filter((hook) => hook.url.includes(`/${WORKFLOW}`) || hook.url.includes('/webhook/'));

	beforeAll(async () => {
		sandbox = await startTestSandbox();
		collector = await startCollector();
		const tarball = packPackage(join(repoRoot, 'tmp/n8n-instant-queue/pack'));
		cluster = await startQueueCluster({
			baseDir: join(repoRoot, 'tmp/n8n-instant-queue'),
			tarball,
			workers: 2,
			webhookProcesses: 1,
			async beforeStart(cli) {
				await cli.importCredentials([linkkitCredentialJson(sandbox)]);
				await cli.importWorkflows([instantToCollector(WORKFLOW, { events: ALL_EVENTS }, collector.url)]);
				const published = await cli.cli(['publish:workflow', `--id=${WORKFLOW}`]);
				if (published.code !== 0) throw new Error(`publish failed: ${published.stderr}`);
			},
		});
		rest = new N8nRest(cluster.main.url);
		await rest.setupOwner();
	}, 480_000);

	afterAll(async () => {
		await cluster?.stop();
		await collector?.stop();
		for (const hook of sandbox?.hooks() ?? []) await api().hooks.unsubscribe(hook.id).catch(() => undefined);
		await sandbox?.stop();
	});

	test('the main subscribed at WEBHOOK_URL (the webhook process), one hook per event; every process loaded the package', async () => {
		await eventually(() => hooksAt(url()).length === ALL_EVENTS.length);
		await sleep(5_000);
		// One subscribe per event, each answered at once (a subscribe sent again after a lost answer leaves an orphan).
		const subscribes = sandbox.stats.list().filter((record) => record.method === 'POST' && record.url === '/v1/hooks');
		expect(subscribes.map((record) => record.status)).toEqual(ALL_EVENTS.map(() => 201));
		expect(hooksAt(url()).map((hook) => hook.event).sort()).toEqual([...ALL_EVENTS].sort());
		expect(sandbox.hooks()).toHaveLength(ALL_EVENTS.length);
		expect((state().subscriptions ?? []).map((s) => s.url)).toEqual(ALL_EVENTS.map(() => url()));
		for (const instance of [cluster.main, ...cluster.webhooks, ...cluster.workers]) {
			const problems = instance.log().split('\n').filter((line) => /linkkit/i.test(line) && /warn|error|fail/i.test(line));
			expect(problems).toEqual([]);
		}
	});

	let first: Delivery;
	test('created, updated, clicked, deleted: received by the webhook process, one execution each, run on the workers', async () => {
		const client = api();
		const code = `q-${runTag}`;
		const created = (await client.links.upsert(code, { original_url: 'https://example.com/instant/queue' })).link;
		await collector.waitFor(`/${WORKFLOW}`, 1, 60_000);
		const updated = await client.links.update(code, { title: 'Queue' });
		await collector.waitFor(`/${WORKFLOW}`, 2, 60_000);
		expect((await fetch(`${sandbox.url}/r/${code}`, { redirect: 'manual' })).status).toBe(302);
		await collector.waitFor(`/${WORKFLOW}`, 3, 60_000);
		await client.links.delete(code);
		const received = (await collector.waitFor(`/${WORKFLOW}`, 4, 60_000)) as Array<{ execution: string; item: Record<string, unknown> }>;
		const deliveries = await settled(url(), 4);
		await sleep(QUIET_MS);

		const executions = await waitForExecutions(rest, WORKFLOW, 4);
		expect(executions.map((execution) => `${execution.mode} ${execution.status}`)).toEqual(Array.from({ length: 4 }, () => 'webhook success'));
		expect(deliveries.map((delivery) => [delivery.event, delivery.attempts.map((attempt) => attempt.status)])).toEqual([
			['link.created', [200]],
			['link.updated', [200]],
			['link.clicked', [200]],
			['link.deleted', [200]],
		]);
		expect((collector.received.get(`/${WORKFLOW}`) ?? []).length).toBe(4);
		expect(received.map((entry) => entry.item.short_code)).toEqual([code, code, code, code]);
		expect([received[0].item, received[1].item, received[3].item]).toEqual([created, updated, updated]);
		expect(received[2].item).toMatchObject({ link_id: created.id, short_code: code, short_url: created.short_url });
		const ranOn = executions.map((execution) => workerOf(execution.id));
		expect(ranOn.every((workers) => workers.length === 1)).toBe(true);
		first = deliveries[0];
		console.log(`queue mode: 4 events → 4 executions on workers ${ranOn.map((w) => w[0] + 1).join(', ')}; n8n's webhook process answered in ${deliveries.map((d) => d.attempts[0].duration_ms).join(', ')} ms`);
	});

	test('forged deliveries: 401 at the webhook process and at the main; replays: recognised by the webhook process', async () => {
		const before = await count();
		const body = JSON.stringify(first.payload);
		const secret = secretOf(first.hook_id);
		const fresh = JSON.stringify({ ...(first.payload as object), id: randomUUID() });
		const forged = await Promise.all(
			[url(), mainUrl()].flatMap((target) => [postDelivery(target, fresh), postDelivery(target, fresh, sign('0'.repeat(64), fresh)), postDelivery(target, fresh, sign(secret, `${fresh} `))]),
		);
		expect(forged.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 401]);
		const replays = await Promise.all(Array.from({ length: 3 }, () => postDelivery(url(), body, sign(secret, body))));
		expect(replays.map((answer) => [answer.status, JSON.parse(answer.text)])).toEqual(replays.map(() => [200, { received: true, started: false, repeat: true }]));
		await sleep(QUIET_MS);
		expect(await count()).toBe(before);
		// The workflow's static data in PostgreSQL holds the subscriptions, nothing about deliveries.
		expect(Object.keys(state())).toEqual(['subscriptions']);
	});

	test('the same new delivery 10 times at once at the webhook process: one execution', async () => {
		const before = await count();
		const secret = secretOf(first.hook_id);
		const body = JSON.stringify({ ...(first.payload as object), id: randomUUID() });
		const answers = await Promise.all(Array.from({ length: 10 }, () => postDelivery(url(), body, sign(secret, body))));
		expect(answers.every((answer) => answer.status === 200 || answer.status === 409)).toBe(true);
		await sleep(QUIET_MS);
		expect(await count()).toBe(before + 1);
		console.log(`10 identical at once, one process: answers ${answers.map((a) => a.status).join(' ')}; 1 execution`);
	});

	test('measured: a repeat that reaches another process (the main) runs again; a burst of 20 and its repeats at the webhook process run once', async () => {
		const secret = secretOf(first.hook_id);
		const burst = Array.from({ length: 20 }, () => JSON.stringify({ ...(first.payload as object), id: randomUUID() }));
		const before = await count();
		const started = Date.now();
		await Promise.all(burst.map((body) => postDelivery(url(), body, sign(secret, body))));
		await waitForExecutions(rest, WORKFLOW, before + 20, 120_000);
		const burstSeconds = (Date.now() - started) / 1000;
		await Promise.all(burst.map((body) => postDelivery(url(), body, sign(secret, body))));
		await sleep(QUIET_MS);
		expect(await count()).toBe(before + 20);
		const atMain = await Promise.all(burst.slice(0, 5).map((body) => postDelivery(mainUrl(), body, sign(secret, body))));
		await waitForExecutions(rest, WORKFLOW, before + 25, 60_000);
		await sleep(QUIET_MS);
		const rerunAtMain = (await count()) - before - 20;
		console.log(
			`queue mode, measured: 20 different deliveries at once → 20 executions in ${burstSeconds.toFixed(1)} s; their repeats at the webhook process → 0; ` +
				`5 of them repeated at the main → ${rerunAtMain} ran again (answers ${atMain.map((a) => a.status).join(' ')})`,
		);
		expect(rerunAtMain).toBe(5);
	});

	test('deactivated: no subscription left; activated again and the main restarted: one per event; deactivated: none', async () => {
		const deactivate = async () => {
			expect((await rest.call('POST', `/rest/workflows/${WORKFLOW}/deactivate`, {})).status).toBe(200);
			await eventually(() => sandbox.hooks().length === 0);
		};
		await deactivate();
		expect(sandbox.hooks()).toEqual([]);
		expect(state().subscriptions ?? []).toEqual([]);
		const workflow = await rest.call<{ versionId: string }>('GET', `/rest/workflows/${WORKFLOW}`);
		expect((await rest.call('POST', `/rest/workflows/${WORKFLOW}/activate`, { versionId: workflow.body.versionId })).status).toBe(200);
		await eventually(() => hooksAt(url()).length === ALL_EVENTS.length);
		const made = hooksAt(url()).map((hook) => hook.id).sort();
		await cluster.main.restart();
		await rest.login();
		await sleep(3_000);
		expect(sandbox.hooks().map((hook) => hook.id).sort()).toEqual(made);
		const before = await count();
		await api().links.upsert(`q-restart-${runTag}`, { original_url: 'https://example.com/queue-restart' });
		await waitForExecutions(rest, WORKFLOW, before + 1);
		await sleep(QUIET_MS);
		expect(await count()).toBe(before + 1);
		await deactivate();
		expect(ours()).toEqual([]);
	});

	test('no process log holds the API key or a signing secret', () => {
		for (const instance of [cluster.main, ...cluster.webhooks, ...cluster.workers]) {
			const log = `${instance.log()}\n${readFileSync(instance.logFile, 'utf8')}`;
			expect(log).not.toContain(sandbox.apiKey);
			expect(log).not.toMatch(/[0-9a-f]{64}/);
		}
	});
});
