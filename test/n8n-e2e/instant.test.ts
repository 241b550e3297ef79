/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The Linkkit Instant Trigger in a real n8n 2.41.1 (one process, SQLite), installed from the packed tarball, with the
 * Linkkit sandbox subscribing and delivering to n8n's webhook URL on 127.0.0.1 over real HTTP (Linkkit's retry waits
 * shortened 100 times). Counted from n8n's own executions (REST) and the sandbox's records of subscriptions and
 * delivery attempts. Needs `npm run build` first (npm test does it). Skipped when LINKKIT_SKIP_REAL_N8N=1.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { clickFeed, clickItem, newLinkFeed, type Click, type LinkWithUrl } from '../../core';
import { installedManifest, packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { n8nBin } from '../../scripts/n8n/provision';
import { N8nRest } from '../../scripts/n8n/rest';
import type { Delivery } from '../../sandbox';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startCollector, type Collector } from './collector';
import {
	ALL_EVENTS,
	INSTANT_NODE,
	executionDataText,
	executionsOf,
	instantToCollector,
	postDelivery,
	productionUrl,
	eventually,
	sign,
	sqliteStaticData,
	testUrl,
	waitForExecutions,
	type InstantState,
} from './instant-workflows';
import { linkkitCredentialJson } from './workflows';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeReal = skip ? describe.skip : describe;
const runTag = `inst${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WORKFLOW = 'instantAll';
const QUIET_MS = 3_000;

jest.setTimeout(300_000);

describeReal('Linkkit Instant Trigger in a real n8n', () => {
	let sandbox: RunningSandbox;
	let collector: Collector;
	let n8n: RunningN8n;
	let rest: N8nRest;
	const api = () => realClient(sandbox.url, sandbox.apiKey, { maxRetries: 8 }).client;
	const url = () => productionUrl(n8n.url, WORKFLOW);
	const hooksAt = (target: string) => sandbox.hooks().filter((hook) => hook.url === target);
	const state = (): Promise<InstantState> => sqliteStaticData(n8n.userFolder, WORKFLOW);
	const deliveriesTo = (target: string) => sandbox.deliveries().filter((delivery) => delivery.target_url === target);
	async function settled(target: string, count: number, timeoutMs = 20_000): Promise<Delivery[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const deliveries = deliveriesTo(target);
			if ((deliveries.length >= count && deliveries.every((delivery) => delivery.state !== 'pending')) || Date.now() > deadline) return deliveries;
			await sleep(50);
		}
	}
	const ours = () => sandbox.hooks().filter((hook) => hook.url.startsWith(n8n.url));
	/** Publishes (activates) the workflow as the editor's Publish does; n8n 2.x applies it through its publication outbox. */
	const publish = async () => {
		const workflow = await rest.call<{ versionId: string }>('GET', `/rest/workflows/${WORKFLOW}`);
		const answer = await rest.call('POST', `/rest/workflows/${WORKFLOW}/activate`, { versionId: workflow.body.versionId });
		if (answer.status !== 200) throw new Error(`activate answered ${answer.status}: ${JSON.stringify(answer.body)}`);
		await eventually(() => hooksAt(url()).length === ALL_EVENTS.length);
	};
	const unpublish = async () => {
		const answer = await rest.call('POST', `/rest/workflows/${WORKFLOW}/deactivate`, {});
		if (answer.status !== 200) throw new Error(`deactivate answered ${answer.status}: ${JSON.stringify(answer.body)}`);
		await eventually(() => ours().length === 0);
	};
	let secrets: string[] = [];

	beforeAll(async () => {
		sandbox = await startTestSandbox();
		collector = await startCollector();
		const tarball = packPackage(join(repoRoot, 'tmp/n8n-instant/pack'));
		n8n = await startN8n({
			userFolder: join(repoRoot, 'tmp/n8n-instant/user'),
			tarball,
			async beforeStart(cli) {
				await cli.importCredentials([linkkitCredentialJson(sandbox)]);
				await cli.importWorkflows([instantToCollector(WORKFLOW, { events: ALL_EVENTS }, collector.url)]);
				// Published before start: n8n activates it as it boots (checkExists, then create).
				const published = await cli.cli(['publish:workflow', `--id=${WORKFLOW}`]);
				if (published.code !== 0) throw new Error(`publish failed: ${published.stderr}`);
			},
		});
		rest = new N8nRest(n8n.url);
		await rest.setupOwner();
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
		await collector?.stop();
		for (const hook of sandbox?.hooks() ?? []) await api().hooks.unsubscribe(hook.id).catch(() => undefined);
		await sandbox?.stop();
	});

	test('n8n loads the node beside the polling trigger; activation at boot subscribed one hook per event at its webhook URL', async () => {
		expect(installedManifest(n8n.userFolder).name).toBe('n8n-nodes-linkkit');
		const types = (await rest.nodeTypeNames()).filter((name) => name.startsWith('n8n-nodes-linkkit.')).sort();
		expect(types).toEqual(['n8n-nodes-linkkit.linkkit', 'n8n-nodes-linkkit.linkkitInstantTrigger', 'n8n-nodes-linkkit.linkkitTool', 'n8n-nodes-linkkit.linkkitTrigger']);
		// n8n registers the published workflow's webhooks just after it reports ready.
		const deadline = Date.now() + 30_000;
		while (hooksAt(url()).length < 4 && Date.now() < deadline) await sleep(250);
		expect(hooksAt(url()).map((hook) => hook.event).sort()).toEqual([...ALL_EVENTS].sort());
		const recorded = (await state()).subscriptions ?? [];
		expect(recorded.map((s) => s.id).sort()).toEqual(hooksAt(url()).map((hook) => hook.id).sort());
		secrets = recorded.map((s) => s.secret);
		expect(secrets.every((secret) => /^[0-9a-f]{64}$/.test(secret))).toBe(true);
		const problems = n8n.log().split('\n').filter((line) => /linkkit/i.test(line) && /warn|error|fail/i.test(line));
		expect(problems).toEqual([]);
	});

	let firstDelivery: Delivery;
	test("created, updated, clicked, deleted: each event starts exactly one execution, with the polling trigger's item", async () => {
		const client = api();
		const code = `life-${runTag}`;
		const started = Date.now();
		const created = (await client.links.upsert(code, { original_url: 'https://example.com/instant/e2e', custom_domain: 'go.acme.test' })).link;
		await collector.waitFor(`/${WORKFLOW}`, 1, 30_000);
		const updated = await client.links.update(code, { title: 'Changed in e2e' });
		await collector.waitFor(`/${WORKFLOW}`, 2, 30_000);
		const listed = (await newLinkFeed(client).read(1, 100)).data.find((link) => link.id === created.id) as LinkWithUrl;
		expect((await fetch(`${sandbox.url}/r/${code}`, { redirect: 'manual', headers: { 'X-Sandbox-Country': 'FR' } })).status).toBe(302);
		await collector.waitFor(`/${WORKFLOW}`, 3, 30_000);
		const polledClick = clickItem((await clickFeed(client, code).read({}, 1, 100)).data[0] as Click, listed);
		await client.links.delete(code);
		const received = (await collector.waitFor(`/${WORKFLOW}`, 4, 30_000)) as Array<{ execution: string; item: Record<string, unknown> }>;
		const latencyMs = Date.now() - started;
		await settled(url(), 4);
		await sleep(QUIET_MS);

		const executions = await waitForExecutions(rest, WORKFLOW, 4);
		expect(executions.map((execution) => `${execution.mode} ${execution.status}`)).toEqual(['webhook success', 'webhook success', 'webhook success', 'webhook success']);
		expect((collector.received.get(`/${WORKFLOW}`) ?? []).length).toBe(4);
		expect(received.map((entry) => entry.item)).toEqual([created, updated, polledClick, updated]);
		expect(updated).toEqual(listed);
		const deliveries = deliveriesTo(url());
		expect(deliveries.map((delivery) => [delivery.event, delivery.attempts.map((attempt) => attempt.status)])).toEqual([
			['link.created', [200]],
			['link.updated', [200]],
			['link.clicked', [200]],
			['link.deleted', [200]],
		]);
		firstDelivery = deliveries[0];
		const answerMs = deliveries.map((delivery) => delivery.attempts[0].duration_ms);
		console.log(`instant e2e: 4 events → 4 executions (${latencyMs} ms for all four, sequentially); n8n answered deliveries in ${answerMs.join(', ')} ms`);
	});

	test('forged, altered, unsigned and replayed deliveries are refused or recognised: no execution', async () => {
		const before = (await executionsOf(rest, WORKFLOW)).length;
		const body = JSON.stringify(firstDelivery.payload);
		const { subscriptions = [] } = await state();
		const secret = subscriptions.find((s) => s.id === firstDelivery.hook_id)!.secret;
		const other = subscriptions.find((s) => s.id !== firstDelivery.hook_id)!.secret;
		const fresh = JSON.stringify({ ...(firstDelivery.payload as object), id: randomUUID() });
		const answers = await Promise.all([
			postDelivery(url(), fresh),
			postDelivery(url(), fresh, sign('0'.repeat(64), fresh)),
			postDelivery(url(), fresh, sign(other, fresh)),
			postDelivery(url(), fresh, sign(secret, `${fresh} `)),
			postDelivery(url(), fresh.replace('example.com', 'evil.example'), sign(secret, fresh)),
			postDelivery(url(), fresh, sign(secret, fresh).slice(0, 30)),
		]);
		expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 401]);
		const replays = await Promise.all(Array.from({ length: 5 }, () => postDelivery(url(), body, sign(secret, body))));
		expect(replays.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
		expect(JSON.parse(replays[0].text)).toEqual({ received: true, started: false, repeat: true });
		await sleep(QUIET_MS);
		expect(await executionsOf(rest, WORKFLOW)).toHaveLength(before);
		expect((collector.received.get(`/${WORKFLOW}`) ?? []).length).toBe(4);
		// Repeats are remembered by the n8n process, not in the workflow's static data (n8n 2.41.1 would not save what a
		// webhook that starts an execution wrote there): the database holds the subscriptions only.
		expect(Object.keys(await state())).toEqual(['subscriptions']);
	});

	test('the signing secrets appear in no execution, no answer and no log line', async () => {
		const executions = await executionsOf(rest, WORKFLOW);
		const stored = await Promise.all(executions.map((execution) => executionDataText(rest, execution.id)));
		const log = `${n8n.log()}\n${readFileSync(n8n.logFile, 'utf8')}`;
		for (const secret of secrets) {
			for (const text of stored) expect(text).not.toContain(secret);
			expect(log).not.toContain(secret);
		}
		// Where the secret is: the workflow's static data. Whether n8n's REST API hands that out with the workflow:
		const workflow = await rest.call<Record<string, unknown>>('GET', `/rest/workflows/${WORKFLOW}`);
		const exposed = secrets.some((secret) => JSON.stringify(workflow.body).includes(secret));
		console.log(`GET /rest/workflows/${WORKFLOW} ${exposed ? 'includes' : 'does not include'} the static data's secrets (keys: ${Object.keys(workflow.body).sort().join(', ')})`);
	});

	test('deactivated: no subscription left, nothing delivered, an old delivery is not accepted', async () => {
		await unpublish();
		expect(hooksAt(url())).toEqual([]);
		expect((await state()).subscriptions ?? []).toEqual([]);
		const before = (await executionsOf(rest, WORKFLOW)).length;
		const deliveriesBefore = deliveriesTo(url()).length;
		await api().links.upsert(`after-${runTag}`, { original_url: 'https://example.com/after' });
		const body = JSON.stringify({ ...(firstDelivery.payload as object), id: randomUUID() });
		const late = await postDelivery(url(), body, sign(secrets[0], body));
		expect(late.status).toBe(404);
		await sleep(QUIET_MS);
		expect(deliveriesTo(url())).toHaveLength(deliveriesBefore);
		expect(await executionsOf(rest, WORKFLOW)).toHaveLength(before);
	});

	test('activated again, n8n restarted, activated again: one subscription per event throughout, none after deactivation', async () => {
		await publish();
		const made = hooksAt(url()).map((hook) => hook.id).sort();
		expect(hooksAt(url()).map((hook) => hook.event).sort()).toEqual([...ALL_EVENTS].sort());
		const before = (await executionsOf(rest, WORKFLOW)).length;
		await api().links.upsert(`restart-${runTag}`, { original_url: 'https://example.com/restart' });
		await waitForExecutions(rest, WORKFLOW, before + 1);
		const [beforeRestart] = deliveriesTo(url()).slice(-1);
		const replay = JSON.stringify(beforeRestart.payload);
		const replaySignature = sign((await state()).subscriptions!.find((s) => s.id === beforeRestart.hook_id)!.secret, replay);
		expect(JSON.parse((await postDelivery(url(), replay, replaySignature)).text)).toMatchObject({ repeat: true });

		await n8n.restart();
		await rest.login();
		await sleep(2_000);
		// checkExists held at start: the same four subscriptions, none added.
		expect(hooksAt(url()).map((hook) => hook.id).sort()).toEqual(made);
		expect(ours()).toHaveLength(4);
		await api().links.upsert(`restart2-${runTag}`, { original_url: 'https://example.com/restart-2' });
		await waitForExecutions(rest, WORKFLOW, before + 2);
		await sleep(QUIET_MS);
		expect(await executionsOf(rest, WORKFLOW)).toHaveLength(before + 2);
		// What a restart forgets: the memory of repeats. The same delivery sent again now starts a second execution.
		expect(await postDelivery(url(), replay, replaySignature)).toEqual({ status: 200, text: '' });
		await waitForExecutions(rest, WORKFLOW, before + 3);
		expect(await executionsOf(rest, WORKFLOW)).toHaveLength(before + 3);
		// Publishing the active workflow again (n8n takes it down and up) does not add subscriptions either.
		await publish();
		await sleep(5_000);
		await eventually(() => ours().length === ALL_EVENTS.length);
		expect(ours().map((hook) => hook.event).sort()).toEqual([...ALL_EVENTS].sort());
		await unpublish();
		expect(ours()).toEqual([]);
	});

	test('"Listen for test event": subscribes at the test URL, the first event runs once as a manual execution, then no subscription is left', async () => {
		const started = await rest.call<{ waitingForWebhook?: boolean }>('POST', `/rest/workflows/${WORKFLOW}/run`, { triggerToStartFrom: { name: INSTANT_NODE } });
		expect(started.status).toBe(200);
		expect(started.body).toEqual(expect.objectContaining({ waitingForWebhook: true }));
		const target = testUrl(n8n.url, WORKFLOW);
		expect(hooksAt(target).map((hook) => hook.event).sort()).toEqual([...ALL_EVENTS].sort());
		const before = (await executionsOf(rest, WORKFLOW)).length;
		await api().links.upsert(`test-event-${runTag}`, { original_url: 'https://example.com/test-event' });
		const executions = await waitForExecutions(rest, WORKFLOW, before + 1, 30_000);
		expect(executions.slice(before).map((execution) => `${execution.mode} ${execution.status}`)).toEqual(['manual success']);
		const deadline = Date.now() + 10_000;
		while (hooksAt(target).length && Date.now() < deadline) await sleep(100);
		expect(hooksAt(target)).toEqual([]);
		expect(ours()).toEqual([]);
	});

	test("neither n8n's log nor the output holds the API key", () => {
		expect(n8n.log()).not.toContain(sandbox.apiKey);
		expect(readFileSync(n8n.logFile, 'utf8')).not.toContain(sandbox.apiKey);
	});
});
