/**
 * Webhooks (A19–A24): subscribe (secret shown once) and unsubscribe; loopback-only targets; deliveries for every way
 * a link changes and for clicks, signed over the raw body; retries with the same event id; 410 deactivates; a deleted
 * subscription gets nothing more; secrets never appear in /__sandbox output.
 */
import { createHmac } from 'node:crypto';
import type { Delivery, HookView } from '../../sandbox';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { admin, del, eventually, get, patch, post, put, sleep, type Link, type Webhook } from './http';
import { startReceiver, type Receiver } from './webhook-receiver';

let sandbox: RunningSandbox;
let receiver: Receiver;

beforeAll(async () => {
	// Retries 1 000 times faster than A21's schedule (10 min → 600 ms), and a short attempt timeout.
	sandbox = await startTestSandbox({ hookRetryScale: 0.001, hookTimeoutMs: 300 });
	receiver = await startReceiver();
});
afterAll(async () => {
	await sandbox.stop();
	await receiver.close();
});
beforeEach(() => {
	sandbox.reset();
	receiver.received = [];
	receiver.answer = 200;
});

const subscribe = async (event: string, path = '/hook', key?: string) => {
	const reply = await post<Webhook>(sandbox, '/v1/hooks', { event, target_url: `${receiver.url}${path}` }, key ? { key } : {});
	expect(reply.status).toBe(201);
	return reply.body;
};

const verify = (secret: string, raw: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
const bodyOf = (index: number) => JSON.parse(receiver.received[index].raw) as { id: string; event: string; created_at: string; data: Record<string, unknown> };

describe('subscribing', () => {
	it('answers 201 with a 64-hex secret, shown only in that answer; DELETE answers {unsubscribed: true}, then 404', async () => {
		const hook = await subscribe('link.created');
		expect(hook).toEqual({ id: expect.any(String), event: 'link.created', url: `${receiver.url}/hook`, secret: expect.stringMatching(/^[0-9a-f]{64}$/), is_active: true, created_at: expect.any(String) });
		const listed = sandbox.hooks();
		expect(listed).toEqual([{ id: hook.id, event: 'link.created', url: hook.url, is_active: true, created_at: hook.created_at, workspace_id: sandbox.workspaceId }]);
		expect(await del(sandbox, `/v1/hooks/${hook.id}`)).toMatchObject({ status: 200, body: { unsubscribed: true } });
		expect(await del(sandbox, `/v1/hooks/${hook.id}`)).toMatchObject({ status: 404, body: { error: 'Webhook not found' } });
		expect(sandbox.hooks()).toEqual([]);
	});

	it.each([
		['https://hooks.zapier.com/hooks/catch/1/abc'],
		['http://10.0.0.5/hook'],
		['http://example.com/hook'],
		['ftp://127.0.0.1/hook'],
		['http://127.0.0.1.nip.io/hook'],
	])('refuses the off-machine or non-http target %s with 400 (A23)', async (target) => {
		const reply = await post(sandbox, '/v1/hooks', { event: 'link.created', target_url: target });
		expect(reply.status).toBe(400);
		expect(reply.body.error).toMatch(/target_url/);
		expect(sandbox.hooks()).toEqual([]);
	});

	it('accepts localhost and [::1], refuses an event outside the enum (A24) and missing fields', async () => {
		for (const target of ['http://localhost:9/x', 'https://[::1]:9/x']) {
			expect((await post(sandbox, '/v1/hooks', { event: 'link.clicked', target_url: target })).status).toBe(201);
		}
		expect((await post(sandbox, '/v1/hooks', { event: 'qr.scanned', target_url: `${receiver.url}/x` })).status).toBe(400);
		expect((await post(sandbox, '/v1/hooks', { event: 'link.created' })).body).toEqual({ error: 'target_url is required' });
	});

	it('a subscription belongs to its workspace: another key cannot delete it or receive its events', async () => {
		const hook = await subscribe('link.created');
		expect((await del(sandbox, `/v1/hooks/${hook.id}`, { key: sandbox.otherWorkspaceKey })).status).toBe(404);
		await post(sandbox, '/v1/links', { original_url: 'https://example.com/labs' }, { key: sandbox.otherWorkspaceKey });
		await sleep(100);
		expect(receiver.received).toHaveLength(0);
	});
});

describe('deliveries', () => {
	it('link.created: {id, event, created_at, data: Link}, signed with the secret over the raw body', async () => {
		const hook = await subscribe('link.created');
		const link = (await post<Link>(sandbox, '/v1/links', { original_url: 'https://example.com/hooked', title: 'Ünïcode ✓' })).body;
		await eventually(() => receiver.received.length, (n) => n === 1);
		const [delivery] = receiver.received;
		expect(delivery.headers['content-type']).toBe('application/json');
		expect(delivery.headers['x-linkkit-signature']).toBe(verify(hook.secret, delivery.raw));
		expect(delivery.headers['x-linkkit-signature']).not.toBe(verify('wrong-secret', delivery.raw));
		expect(bodyOf(0)).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), event: 'link.created', created_at: expect.any(String), data: link });
	});

	it('emits for every way a link changes: POST, PUT (create and update), PATCH, bulk, DELETE, and clicks', async () => {
		const hooks = Object.fromEntries(
			await Promise.all(['link.created', 'link.updated', 'link.deleted', 'link.clicked'].map(async (event) => [event, await subscribe(event, `/${event}`)] as const)),
		);
		await post(sandbox, '/v1/links', { original_url: 'https://example.com/1' });
		await put(sandbox, '/v1/links/hooked-put', { original_url: 'https://example.com/2' });
		await put(sandbox, '/v1/links/hooked-put', { original_url: 'https://example.com/2b' });
		await put(sandbox, '/v1/links/hooked-put', { original_url: 'https://example.com/2b' });
		await patch(sandbox, '/v1/links/hooked-put', { title: 'Patched' });
		await post(sandbox, '/v1/links/bulk', { links: [{ original_url: 'https://example.com/b1' }, { original_url: 'https://malware.test/' }, { original_url: 'https://example.com/b2' }] });
		const click = await fetch(`${sandbox.url}/hooked-put`, { redirect: 'manual' });
		const lkclid = new URL(click.headers.get('location')!).searchParams.get('lkclid');
		const deleted = (await get<Link>(sandbox, '/v1/links/hooked-put')).body;
		await del(sandbox, '/v1/links/hooked-put');

		await eventually(() => receiver.received.length, (n) => n === 8);
		const byPath = (path: string) => receiver.received.filter((r) => r.path === path).map((r) => JSON.parse(r.raw) as { event: string; data: Record<string, unknown> });
		expect(byPath('/link.created').map((e) => e.data.original_url)).toEqual(['https://example.com/1', 'https://example.com/2', 'https://example.com/b1', 'https://example.com/b2']);
		// The repeated PUT changed nothing, so it emitted nothing.
		expect(byPath('/link.updated').map((e) => [e.data.original_url, e.data.title])).toEqual([
			['https://example.com/2b', null],
			['https://example.com/2b', 'Patched'],
		]);
		expect(byPath('/link.deleted').map((e) => e.data)).toEqual([deleted]);
		const [clicked] = byPath('/link.clicked');
		expect(clicked.data).toEqual({ short_code: 'hooked-put', link_id: deleted.id, click: expect.objectContaining({ id: lkclid }) });
		for (const received of receiver.received) {
			const event = (JSON.parse(received.raw) as { event: string }).event;
			expect(received.path).toBe(`/${event}`);
			expect(received.headers['x-linkkit-signature']).toBe(verify(hooks[event].secret, received.raw));
		}
	});

	it('answers the API request before delivering: a hanging receiver does not slow the write', async () => {
		receiver.answer = 'hang';
		await subscribe('link.created');
		const started = Date.now();
		expect((await post(sandbox, '/v1/links', { original_url: 'https://example.com/fast' })).status).toBe(201);
		expect(Date.now() - started).toBeLessThan(250);
		// The delivery still goes out (and hangs); wait for it so it cannot land in the next test.
		await eventually(() => receiver.received.length, (n) => n === 1);
	});

	it('retries a failing delivery with the same event id and body, then gives up after 5 retries (A21)', async () => {
		receiver.answer = (_received, index) => (index === 0 ? 'hang' : 500);
		const hook = await subscribe('link.created');
		await post(sandbox, '/v1/links', { original_url: 'https://example.com/retry' });
		const [delivery] = await eventually(() => sandbox.deliveries({ hook_id: hook.id }), (list) => list.length === 1 && list[0].state !== 'pending', 10_000);
		expect(receiver.received).toHaveLength(6);
		expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
		expect(new Set(receiver.received.map((r) => bodyOf(receiver.received.indexOf(r)).id)).size).toBe(1);
		expect(delivery).toMatchObject({ state: 'failed', outcome: 'retries exhausted', event: 'link.created', event_id: bodyOf(0).id, target_url: hook.url });
		expect(delivery.attempts.map((a) => [a.status, a.error])).toEqual([[null, 'timeout'], ...Array(5).fill([500, null])]);
		// The waits grow as the schedule says (1 s, 5 s, 25 s, 2 min, 10 min, scaled by 0.001).
		const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i].at);
		expect(gaps[4]).toBeGreaterThan(gaps[1]);
		expect(gaps[4]).toBeGreaterThanOrEqual(550);
	});

	it('a retry that succeeds ends the delivery', async () => {
		receiver.answer = (_received, index) => (index < 2 ? 503 : 204);
		const hook = await subscribe('link.deleted');
		await put(sandbox, '/v1/links/retry-ok', { original_url: 'https://example.com/r' });
		await del(sandbox, '/v1/links/retry-ok');
		const [delivery] = await eventually(() => sandbox.deliveries({ hook_id: hook.id }), (list) => list[0]?.state === 'delivered');
		expect(delivery.attempts.map((a) => a.status)).toEqual([503, 503, 204]);
		expect(receiver.received).toHaveLength(3);
	});

	it('a 410 deactivates the subscription: nothing more is sent to it (A21)', async () => {
		receiver.answer = 410;
		const hook = await subscribe('link.created');
		await post(sandbox, '/v1/links', { original_url: 'https://example.com/gone1' });
		await eventually(() => sandbox.hooks()[0].is_active, (active) => active === false);
		expect(sandbox.deliveries()[0]).toMatchObject({ state: 'failed', outcome: expect.stringContaining('410') });
		receiver.answer = 200;
		await post(sandbox, '/v1/links', { original_url: 'https://example.com/gone2' });
		await sleep(150);
		expect(receiver.received).toHaveLength(1);
		expect(sandbox.deliveries({ hook_id: hook.id })).toHaveLength(1);
		expect((await del(sandbox, `/v1/hooks/${hook.id}`)).status).toBe(200);
	});

	it('unsubscribing stops the pending retries and later events', async () => {
		receiver.answer = 500;
		const hook = await subscribe('link.created');
		await post(sandbox, '/v1/links', { original_url: 'https://example.com/stop' });
		await eventually(() => receiver.received.length, (n) => n >= 2);
		await del(sandbox, `/v1/hooks/${hook.id}`);
		const countAtDelete = receiver.received.length;
		await post(sandbox, '/v1/links', { original_url: 'https://example.com/after' });
		await sleep(800);
		expect(receiver.received.length).toBeLessThanOrEqual(countAtDelete + 1);
		expect(receiver.received.every((r) => bodyOf(receiver.received.indexOf(r)).data.original_url === 'https://example.com/stop')).toBe(true);
		expect(sandbox.deliveries()).toEqual([expect.objectContaining({ state: 'cancelled', next_attempt_at: null })]);
	});
});

describe('the admin API never shows a secret', () => {
	it('GET /__sandbox/hooks and /__sandbox/deliveries list subscriptions and attempts without secrets', async () => {
		const hook = await subscribe('link.created');
		await post(sandbox, '/v1/links', { original_url: 'https://example.com/secretless' });
		await eventually(() => sandbox.deliveries(), (list) => list[0]?.state === 'delivered');
		const hooks = await admin<{ data: HookView[] }>(sandbox, '/__sandbox/hooks');
		const deliveries = await admin<{ data: Delivery[] }>(sandbox, '/__sandbox/deliveries');
		const state = await admin(sandbox, '/__sandbox/state');
		expect(hooks.data).toEqual([expect.objectContaining({ id: hook.id, event: 'link.created', is_active: true })]);
		expect(deliveries.data).toEqual([
			expect.objectContaining({ hook_id: hook.id, event: 'link.created', event_id: expect.any(String), target_url: hook.url, state: 'delivered', attempts: [expect.objectContaining({ status: 200, error: null, at: expect.any(String) })] }),
		]);
		for (const output of [hooks, deliveries, state, sandbox.hooks(), sandbox.deliveries()]) expect(JSON.stringify(output)).not.toContain(hook.secret);
		expect((await admin<{ data: Delivery[] }>(sandbox, `/__sandbox/deliveries?hook_id=${hook.id}&event=link.updated`)).data).toEqual([]);
		await admin(sandbox, '/__sandbox/deliveries/clear', {});
		expect((await admin<{ data: Delivery[] }>(sandbox, '/__sandbox/deliveries')).data).toEqual([]);
	});
});
