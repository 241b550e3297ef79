/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * The Linkkit Instant Trigger in n8n-core's engine (see instant-harness.ts), with the Linkkit sandbox subscribing,
 * signing and delivering over real HTTP on 127.0.0.1 (retries 100 times faster than Linkkit's schedule). Counts are
 * n8n's executions and the sandbox's own records of subscriptions and delivery attempts.
 */
import { randomUUID } from 'node:crypto';

import { clickFeed, clickItem, newLinkFeed, type Click, type LinkWithUrl } from '../../core';
import { forgetProcessMemory } from '../../nodes/LinkkitInstantTrigger/deliveries';
import type { Subscription } from '../../nodes/LinkkitInstantTrigger/subscriptions';
import { SIGNATURE_HEADER, signatureOf, type Delivery } from '../../sandbox';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import type { SentRequest } from '../support/n8n-engine';
import { InstantN8n, type Answer } from './instant-harness';

jest.setTimeout(60_000);

const ALL_EVENTS = ['link.created', 'link.updated', 'link.deleted', 'link.clicked'];
const tag = `i${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sandbox: RunningSandbox;
const harnesses: InstantN8n[] = [];
const api = () => realClient(sandbox.url, sandbox.apiKey, { maxRetries: 8 }).client;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterEach(async () => {
	sandbox.setFaults({ next: [] });
	for (const harness of harnesses.splice(0)) {
		if (harness.listening) await harness.stopListening();
		await harness.deactivate();
		await harness.stop();
	}
	forgetProcessMemory();
});

afterAll(async () => {
	// Whatever a test left subscribed on purpose (an orphan) is ended, so nothing delivers after the suite.
	for (const hook of sandbox.hooks()) await api().hooks.unsubscribe(hook.id).catch(() => undefined);
	await sandbox.stop();
});

async function n8nWith(parameters: Record<string, unknown>, options: { startDelayMs?: number; sent?: SentRequest[] } = {}): Promise<InstantN8n> {
	const harness = new InstantN8n({ credential: { apiKey: sandbox.apiKey, baseUrl: sandbox.url }, parameters: parameters as never, ...options });
	await harness.start();
	harnesses.push(harness);
	return harness;
}

const hooksAt = (url: string) => sandbox.hooks().filter((hook) => hook.url === url);
const subscriptionsOf = (harness: InstantN8n) => (harness.nodeState().subscriptions ?? []) as unknown as Subscription[];

/** Deliveries to `url`, once none of them is pending any more. */
async function settledDeliveries(url: string, count: number, timeoutMs = 10_000): Promise<Delivery[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const deliveries = sandbox.deliveries().filter((delivery) => delivery.target_url === url);
		if ((deliveries.length >= count && deliveries.every((delivery) => delivery.state !== 'pending')) || Date.now() > deadline) return deliveries;
		await sleep(20);
	}
}

/** POSTs a body to the trigger's URL as a sender would, with the given signature header (none when undefined). */
async function post(url: string, body: string, signature?: string): Promise<{ status: number; body: unknown }> {
	const answer = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { [SIGNATURE_HEADER]: signature }) },
		body,
	});
	const text = await answer.text();
	return { status: answer.status, body: text ? JSON.parse(text) : undefined };
}

/** A delivery as Linkkit builds one (A19), signed with `secret` (A20). */
function signed(secret: string, envelope: Record<string, unknown>): { body: string; signature: string } {
	const body = JSON.stringify(envelope);
	return { body, signature: signatureOf(secret, body) };
}

const envelope = (event: string, data: Record<string, unknown>, id = randomUUID()) => ({ id, event, created_at: new Date().toISOString(), data });

describe('subscriptions: activation, restart, change, deactivation', () => {
	it('one hook per event at the production URL; a restart keeps them; a change replaces them; deactivation leaves none', async () => {
		const n8n = await n8nWith({ events: ALL_EVENTS });
		expect(await n8n.activate()).toEqual({ created: true });
		const made = hooksAt(n8n.productionUrl);
		expect(made.map((hook) => hook.event).sort()).toEqual([...ALL_EVENTS].sort());
		expect(made.every((hook) => hook.is_active)).toBe(true);
		// Static data holds what Linkkit will not tell again: the ids and secrets.
		const recorded = subscriptionsOf(n8n);
		expect(recorded.map((s) => s.id).sort()).toEqual(made.map((hook) => hook.id).sort());
		expect(recorded.every((s) => /^[0-9a-f]{64}$/.test(s.secret) && s.url === n8n.productionUrl)).toBe(true);

		// n8n restarts with the workflow active (activation "init"): checkExists holds, nothing is subscribed again.
		expect(await n8n.activate('init')).toEqual({ created: false });
		expect(hooksAt(n8n.productionUrl).map((hook) => hook.id).sort()).toEqual(made.map((hook) => hook.id).sort());

		// Another choice of events, published: the old subscriptions are ended, the new ones made.
		n8n.parameters = { events: ['link.created'] };
		expect(await n8n.activate('update')).toEqual({ created: true });
		expect(hooksAt(n8n.productionUrl).map((hook) => hook.event)).toEqual(['link.created']);

		// Deactivated, then activated again, then deactivated: never two subscriptions for one event, none at the end.
		expect(await n8n.deactivate()).toBe(true);
		expect(hooksAt(n8n.productionUrl)).toEqual([]);
		expect(subscriptionsOf(n8n)).toEqual([]);
		expect(await n8n.activate()).toEqual({ created: true });
		expect(hooksAt(n8n.productionUrl)).toHaveLength(1);
		await n8n.deactivate();
		expect(hooksAt(n8n.productionUrl)).toEqual([]);
	});

	it("n8n's webhook URL changed between two starts (WEBHOOK_URL): the subscriptions move, none stays at the old URL", async () => {
		const n8n = await n8nWith({ events: ['link.created', 'link.clicked'] });
		await n8n.activate();
		const oldUrl = n8n.productionUrl;
		const moved = await n8nWith({ events: ['link.created', 'link.clicked'] });
		moved.database = n8n.database;
		n8n.database = {};
		expect(await moved.activate('init')).toEqual({ created: true });
		expect(hooksAt(oldUrl)).toEqual([]);
		expect(hooksAt(moved.productionUrl).map((hook) => hook.event).sort()).toEqual(['link.clicked', 'link.created']);
	});

	it('a subscription already ended in Linkkit counts as ended on deactivation', async () => {
		const n8n = await n8nWith({ events: ['link.created', 'link.updated'] });
		await n8n.activate();
		await api().hooks.unsubscribe(subscriptionsOf(n8n)[0].id);
		expect(await n8n.deactivate()).toBe(true);
		expect(hooksAt(n8n.productionUrl)).toEqual([]);
	});

	it('a lost subscribe answer leaves an orphan with an unknown secret: its deliveries are refused (401), one execution per event', async () => {
		const n8n = await n8nWith({ events: ['link.created'] });
		sandbox.setFaults({ next: [{ kind: 'commit-drop', match: 'POST /v1/hooks' }] });
		await n8n.activate();
		const hooks = hooksAt(n8n.productionUrl);
		expect(hooks).toHaveLength(2);
		expect(subscriptionsOf(n8n)).toHaveLength(1);
		const orphan = hooks.find((hook) => hook.id !== subscriptionsOf(n8n)[0].id)!;

		await api().links.upsert(`orphan-${tag}`, { original_url: 'https://example.com/orphan' });
		const deliveries = await settledDeliveries(n8n.productionUrl, 2);
		const toOrphan = deliveries.find((delivery) => delivery.hook_id === orphan.id)!;
		expect(toOrphan.attempts.map((attempt) => attempt.status)).toEqual([401, 401, 401, 401, 401, 401]);
		expect(toOrphan.state).toBe('failed');
		expect(deliveries.find((delivery) => delivery.hook_id !== orphan.id)?.attempts.map((attempt) => attempt.status)).toEqual([200]);
		expect(await n8n.waitForExecutions(1)).toHaveLength(1);

		// Deactivation ends what the node knows; the orphan stays until someone ends it in Linkkit.
		await n8n.deactivate();
		expect(hooksAt(n8n.productionUrl).map((hook) => hook.id)).toEqual([orphan.id]);
	});
});

describe('deliveries', () => {
	it("each event once, as the polling trigger's item: created, updated, clicked, deleted", async () => {
		const n8n = await n8nWith({ events: ALL_EVENTS });
		await n8n.activate();
		const client = api();
		const code = `life-${tag}`;
		const created = (await client.links.upsert(code, { original_url: 'https://example.com/instant/1', custom_domain: 'go.acme.test' })).link;
		await n8n.waitForExecutions(1);
		const updated = await client.links.update(code, { title: 'Changed' });
		await n8n.waitForExecutions(2);
		// The polling trigger's New Link / Updated Link item for this link: its entry in Linkkit's list, with short_url.
		const listed = (await newLinkFeed(client).read(1, 100)).data.find((link) => link.id === created.id);
		const visit = await fetch(`${sandbox.url}/r/${code}`, { redirect: 'manual', headers: { 'X-Sandbox-Country': 'DE' } });
		expect(visit.status).toBe(302);
		await n8n.waitForExecutions(3);
		// The polling trigger's New Click item: Linkkit's click, with its link's id, short code and short URL.
		const clicks = await clickFeed(client, code).read({}, 1, 100);
		const polledClick = clickItem(clicks.data[0] as Click, listed as LinkWithUrl);
		await client.links.delete(code);
		const executions = await n8n.waitForExecutions(4);
		await settledDeliveries(n8n.productionUrl, 4);
		await sleep(300);

		expect(n8n.executions).toHaveLength(4);
		expect(executions.map((execution) => execution.error)).toEqual([undefined, undefined, undefined, undefined]);
		const [onCreate, onUpdate, onClick, onDelete] = executions.map((execution) => execution.output);
		expect(onCreate).toEqual([created]);
		expect(onUpdate).toEqual([updated]);
		expect(onUpdate).toEqual([listed]);
		expect(onClick).toEqual([polledClick]);
		expect(onClick![0]).toMatchObject({ short_url: `https://go.acme.test/${code}`, country: 'DE' });
		expect(onDelete).toEqual([updated]);
		// The sandbox delivered each once and got 200 at the first attempt.
		const deliveries = sandbox.deliveries().filter((delivery) => delivery.target_url === n8n.productionUrl);
		expect(deliveries.map((delivery) => [delivery.event, delivery.attempts.map((attempt) => attempt.status)])).toEqual([
			['link.created', [200]],
			['link.updated', [200]],
			['link.clicked', [200]],
			['link.deleted', [200]],
		]);
	});

	it('Include Event Details adds the event, its id and time; otherwise items carry none of them', async () => {
		const n8n = await n8nWith({ events: ['link.created'], options: { includeEventDetails: true } });
		await n8n.activate();
		const { link } = await api().links.upsert(`details-${tag}`, { original_url: 'https://example.com/details' });
		const [execution] = await n8n.waitForExecutions(1);
		const [delivery] = await settledDeliveries(n8n.productionUrl, 1);
		expect(execution.output).toEqual([{ ...link, event: 'link.created', event_id: delivery.event_id, event_created_at: (delivery.payload as { created_at: string }).created_at }]);
	});

	it('forged, altered, unsigned and replayed deliveries start nothing; a replay is recognised after a restart too', async () => {
		const n8n = await n8nWith({ events: ['link.created', 'link.updated'] });
		await n8n.activate();
		await api().links.upsert(`replay-${tag}`, { original_url: 'https://example.com/replay' });
		await n8n.waitForExecutions(1);
		const [delivery] = await settledDeliveries(n8n.productionUrl, 1);
		const body = JSON.stringify(delivery.payload);
		const secret = subscriptionsOf(n8n).find((s) => s.id === delivery.hook_id)!.secret;
		expect(signatureOf(secret, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
		const saves = n8n.staticDataSaves;

		const refused = await Promise.all([
			post(n8n.productionUrl, body),
			post(n8n.productionUrl, body, ''),
			post(n8n.productionUrl, body, signatureOf('f'.repeat(64), body)),
			post(n8n.productionUrl, body, signatureOf(secret, `${body} `)),
			post(n8n.productionUrl, body.replace('https://example.com/replay', 'https://evil.example/replay'), signatureOf(secret, body)),
			post(n8n.productionUrl, `${body}\n`, signatureOf(secret, body)),
			post(n8n.productionUrl, body, signatureOf(secret, body).slice(0, 40)),
			post(n8n.productionUrl, body, signatureOf(subscriptionsOf(n8n).find((s) => s.id !== delivery.hook_id)!.secret, `${body}x`)),
			// Signed with the node's other subscription (Updated Link), but naming New Link: not its subscription's signature.
			post(n8n.productionUrl, body, signatureOf(subscriptionsOf(n8n).find((s) => s.id !== delivery.hook_id)!.secret, body)),
		]);
		expect(refused.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401]);
		expect(JSON.stringify(refused)).not.toContain(secret);

		const replays = await Promise.all(Array.from({ length: 5 }, () => post(n8n.productionUrl, body, signatureOf(secret, body))));
		expect(replays.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
		expect(replays[0].body).toEqual({ received: true, started: false, repeat: true });
		// Base64 instead of hex, without the prefix: the same delivery, still a repeat.
		const base64 = Buffer.from(signatureOf(secret, body).slice(7), 'hex').toString('base64');
		expect((await post(n8n.productionUrl, body, base64)).body).toEqual({ received: true, started: false, repeat: true });

		await sleep(200);
		expect(n8n.executions).toHaveLength(1);
		// Refusals and repeats changed nothing n8n would save; nor did the accepted delivery (see the harness).
		expect(n8n.staticDataSaves).toBe(saves);
		expect(Object.keys(n8n.nodeState())).toEqual(['subscriptions']);

		// n8n restarted: this process's memory is gone, and n8n kept nothing else — the same delivery runs again.
		forgetProcessMemory();
		expect(await post(n8n.productionUrl, body, signatureOf(secret, body))).toEqual({ status: 200, body: undefined });
		expect(await n8n.waitForExecutions(2)).toHaveLength(2);
	});

	it('signed but unwanted: an event no longer chosen, an unknown event, a body that is not an event — nothing starts', async () => {
		const n8n = await n8nWith({ events: ['link.created', 'link.deleted'] });
		await n8n.activate();
		const subscription = subscriptionsOf(n8n).find((s) => s.event === 'link.created')!;
		const deletedHook = subscriptionsOf(n8n).find((s) => s.event === 'link.deleted')!;
		// The person chose New Link only and published; a delivery of the old Deleted Link subscription arrives first.
		n8n.parameters = { events: ['link.created'] };
		const deleted = signed(deletedHook.secret, envelope('link.deleted', { short_code: 'abc123' }));
		expect(await post(n8n.productionUrl, deleted.body, deleted.signature)).toEqual({ status: 200, body: { received: true, started: false } });
		// Signed by the New Link subscription but naming Deleted Link: not that subscription's delivery.
		const crossed = signed(subscription.secret, envelope('link.deleted', { short_code: 'abc123' }));
		expect((await post(n8n.productionUrl, crossed.body, crossed.signature)).status).toBe(401);
		const unknown = signed(subscription.secret, envelope('qr.scanned', { id: 'q1' }));
		expect((await post(n8n.productionUrl, unknown.body, unknown.signature)).status).toBe(400);
		const noId = signed(subscription.secret, { event: 'link.created', data: {} });
		expect((await post(n8n.productionUrl, noId.body, noId.signature)).status).toBe(400);
		const notJson = 'not json';
		const answer = await fetch(n8n.productionUrl, { method: 'POST', headers: { 'content-type': 'text/plain', [SIGNATURE_HEADER]: signatureOf(subscription.secret, notJson) }, body: notJson });
		expect(answer.status).toBe(400);
		await sleep(200);
		expect(n8n.executions).toEqual([]);
	});

	it('the same delivery arriving 10 times at once starts one execution; the rest are told it is in hand or a repeat', async () => {
		const n8n = await n8nWith({ events: ['link.created'] }, { startDelayMs: 100 });
		await n8n.activate();
		const [subscription] = subscriptionsOf(n8n);
		const { link } = await api().links.upsert(`burst-one-${tag}`, { original_url: 'https://example.com/burst-one' });
		await n8n.waitForExecutions(1);
		const delivery = signed(subscription.secret, envelope('link.created', link as unknown as Record<string, unknown>));
		const answers = await Promise.all(Array.from({ length: 10 }, () => post(n8n.productionUrl, delivery.body, delivery.signature)));
		const statuses = answers.map((answer) => answer.status).sort();
		expect(statuses.filter((status) => status === 200)).not.toHaveLength(0);
		expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
		await sleep(300);
		expect(n8n.executions).toHaveLength(2);
		// n8n's answer for a started execution: 200 without a body.
		expect(answers.filter((answer) => answer.status === 200 && answer.body === undefined)).toHaveLength(1);
	});

	it('30 different deliveries at once, then all 30 again: 30 executions', async () => {
		const n8n = await n8nWith({ events: ['link.created'] }, { startDelayMs: 30 });
		await n8n.activate();
		const [subscription] = subscriptionsOf(n8n);
		const deliveries = Array.from({ length: 30 }, (_, i) => signed(subscription.secret, envelope('link.created', { short_code: `c${i}-${tag}` })));
		const first = await Promise.all(deliveries.map((delivery) => post(n8n.productionUrl, delivery.body, delivery.signature)));
		expect(first.map((answer) => answer.status)).toEqual(deliveries.map(() => 200));
		await n8n.waitForExecutions(30);
		const again = await Promise.all(deliveries.map((delivery) => post(n8n.productionUrl, delivery.body, delivery.signature)));
		expect(again.map((answer) => answer.body)).toEqual(deliveries.map(() => ({ received: true, started: false, repeat: true })));
		await sleep(200);
		expect(n8n.executions).toHaveLength(30);
		expect(n8n.staticDataSaves).toBe(0);
	});

	it("n8n failing to start the execution (answered 500, nothing saved): Linkkit's retry is accepted, one execution", async () => {
		const n8n = await n8nWith({ events: ['link.created'] });
		await n8n.activate();
		n8n.failNextStarts = 1;
		await api().links.upsert(`retry-${tag}`, { original_url: 'https://example.com/retry' });
		const [delivery] = await settledDeliveries(n8n.productionUrl, 1);
		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
		await sleep(200);
		expect(await n8n.waitForExecutions(1)).toHaveLength(1);
	});

	it('filters: a segment for link events, a link for clicks (the polling trigger\'s options)', async () => {
		const client = api();
		const segment = await client.segments.create({ name: `Instant ${tag}` });
		const watched = `watched-${tag}`;
		await client.links.upsert(watched, { original_url: 'https://example.com/watched' });
		await client.links.upsert(`other-${tag}`, { original_url: 'https://example.com/other' });
		const n8n = await n8nWith({
			events: ['link.created', 'link.updated', 'link.clicked'],
			segment: { __rl: true, mode: 'id', value: segment.id },
			link: { __rl: true, mode: 'url', value: `https://uselinkkit.com/${watched}` },
		});
		await n8n.activate();
		await client.links.upsert(`outside-${tag}`, { original_url: 'https://example.com/outside' });
		const inside = (await client.links.upsert(`inside-${tag}`, { original_url: 'https://example.com/inside', list_id: segment.id })).link;
		const moved = await client.segments.addLink(segment.id, `other-${tag}`);
		for (const code of [watched, `other-${tag}`, watched]) expect((await fetch(`${sandbox.url}/r/${code}`, { redirect: 'manual' })).status).toBe(302);
		await settledDeliveries(n8n.productionUrl, 6);
		await sleep(200);
		const outputs = (await n8n.waitForExecutions(4)).map((execution) => execution.output![0]);
		expect(outputs).toHaveLength(4);
		expect(outputs.slice(0, 2)).toEqual([inside, moved]);
		expect(outputs.slice(2).map((item) => item.short_code)).toEqual([watched, watched]);
	});

	it('an activation with a filter that is not a segment ID fails, naming the field', async () => {
		const n8n = await n8nWith({ events: ['link.created'], segment: { __rl: true, mode: 'id', value: 'not-a-uuid' } });
		await expect(n8n.activate()).rejects.toThrow(/Segment/);
		expect(hooksAt(n8n.productionUrl)).toEqual([]);
	});
});

describe('Listen for test event', () => {
	it('subscribes at the test URL, hands on the first event, then unsubscribes; refused deliveries do not end the listening', async () => {
		const n8n = await n8nWith({ events: ['link.created', 'link.clicked'] });
		await n8n.listen();
		expect(hooksAt(n8n.testUrl).map((hook) => hook.event).sort()).toEqual(['link.clicked', 'link.created']);
		expect(hooksAt(n8n.productionUrl)).toEqual([]);
		const forged = signed('0'.repeat(64), envelope('link.created', { short_code: 'abc123' }));
		expect((await post(n8n.testUrl, forged.body, forged.signature)).status).toBe(401);
		expect(n8n.listening).toBe(true);

		const { link } = await api().links.upsert(`test-event-${tag}`, { original_url: 'https://example.com/test-event' });
		const [execution] = await n8n.waitForExecutions(1);
		expect(execution.mode).toBe('manual');
		expect(execution.output).toEqual([link]);
		expect(n8n.listening).toBe(false);
		// n8n ends the listening right after it started the execution.
		const deadline = Date.now() + 5_000;
		while (hooksAt(n8n.testUrl).length && Date.now() < deadline) await sleep(20);
		expect(hooksAt(n8n.testUrl)).toEqual([]);
		// The production static data was never touched.
		expect(n8n.database).toEqual({});
	});
});

describe('the signing secrets stay in static data', () => {
	it('no output, answer or request the node sent carries a secret', async () => {
		const sent: SentRequest[] = [];
		const n8n = await n8nWith({ events: ALL_EVENTS }, { sent });
		await n8n.activate();
		const code = `secret-${tag}`;
		await api().links.upsert(code, { original_url: 'https://example.com/secret' });
		await fetch(`${sandbox.url}/r/${code}`, { redirect: 'manual' });
		await api().links.delete(code);
		await n8n.waitForExecutions(3);
		const secrets = subscriptionsOf(n8n).map((s) => s.secret);
		const seen = JSON.stringify({ executions: n8n.executions.map((e) => [e.input, e.output]), answers: n8n.answers as Answer[], sent });
		for (const secret of secrets) expect(seen).not.toContain(secret);
		expect(sent.filter((request) => request.url.includes('/v1/hooks')).map((request) => request.method)).toEqual(['POST', 'POST', 'POST', 'POST']);
	});
});
