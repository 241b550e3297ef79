/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Zapier app tests, never shipped in the n8n package */
/**
 * The instant triggers (Linkkit's webhooks) through createAppTester against the sandbox, over real HTTP on 127.0.0.1:
 * each Zap subscribes with its own hook URL on a local receiver (support/hook-receiver.ts), the sandbox delivers there,
 * and the captured request is handed to `perform` as zapier-platform-core 19 hands it (rawRequest, cleanedRequest).
 * Forged, tampered, unsigned and repeated deliveries give no items and leave no trace; items have the polling
 * triggers' shape; after unsubscribing, the sandbox holds no hook and delivers nothing more.
 */
import { createServer } from 'node:http';
import { altered, asZapierRequest, startHookReceiver, type Captured, type HookReceiver } from './support/hook-receiver';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { signatureOf } from '../../sandbox';
import { app, authDataOf, failureOf, methodAt, pointAppAt, visit, zapierCore, type Item } from './support/app';
import { expectOutputFieldsDescribe, expectSameShape } from './support/shape';

let sandbox: RunningSandbox;
let receiver: HookReceiver;
let api: ReturnType<typeof realClient>['client'];

beforeAll(async () => {
	sandbox = await startTestSandbox();
	receiver = await startHookReceiver();
	api = realClient(sandbox.url, sandbox.apiKey).client;
});
afterAll(async () => {
	await sandbox?.stop();
	await receiver?.stop();
});

/** One Zapier connection: an app tester and its z.cache stand-in, as Zapier keeps one cache per connection. */
function connection() {
	const tester = zapierCore.createAppTester(app as never) as unknown as ((method: unknown, bundle: object) => Promise<unknown>) & { zcacheTestObj: Record<string, unknown> };
	return {
		cache: () => tester.zcacheTestObj,
		async run<T>(method: string, bundle: Item = {}): Promise<T> {
			pointAppAt(sandbox.url);
			return (await tester(methodAt(method), { authData: authDataOf(sandbox), ...bundle })) as T;
		},
	};
}
type Connection = ReturnType<typeof connection>;

let zaps = 0;
/** A Zap on an instant trigger, turned on: Zapier calls performSubscribe with the Zap's own hook URL. */
async function turnOn(key: string, inputData: Item = {}, conn: Connection = connection()) {
	const path = `/hooks/${key}/${zaps++}`;
	const targetUrl = `${receiver.url}${path}`;
	const subscribeData = await conn.run<Item>(`triggers.${key}.operation.performSubscribe`, { inputData, targetUrl });
	const method = (name: string) => `triggers.${key}.operation.${name}`;
	return {
		path,
		targetUrl,
		subscribeData,
		conn,
		/** Zapier running the trigger's perform for a request that reached the Zap's URL. */
		perform: (request: Captured, bundle: Item = {}) => conn.run<Item[]>(method('perform'), { inputData, subscribeData, ...asZapierRequest(request), ...bundle }),
		list: () => conn.run<Item[]>(method('performList'), { inputData, meta: { isLoadingSample: true } }),
		turnOff: () => conn.run<Item>(method('performUnsubscribe'), { inputData, subscribeData, targetUrl }),
		/** The next delivery to this Zap (waits for it). */
		async next(): Promise<Captured> {
			const before = seenCount.get(path) ?? 0;
			const all = await receiver.waitFor(path, before + 1);
			seenCount.set(path, before + 1);
			return all[before];
		},
	};
}
const seenCount = new Map<string, number>();

const envelopeOf = (request: Captured) => JSON.parse(request.body.toString('utf8')) as { id: string; event: string; created_at: string; data: Item };
const requestsServed = () => sandbox.stats.current().requests;
/** A link made straight through the core (not through the app), under the given short code or one Linkkit picks. */
async function newLink(input: { original_url: string; short_code?: string; title?: string; list_id?: string }) {
	const { short_code, ...rest } = input;
	return (short_code ? await api.links.createWithCode(short_code, rest) : await api.links.createPicked(rest)).link;
}
async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
let unique = 0;
const code = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${unique++}`;

describe('subscribe and unsubscribe', () => {
	test('turning a Zap on subscribes its hook URL to the one event; the id and secret are kept in subscribeData, nowhere else', async () => {
		const zap = await turnOn('link_created');
		expect(Object.keys(zap.subscribeData).sort()).toEqual(['event', 'id', 'secret']);
		expect(zap.subscribeData).toMatchObject({ event: 'link.created', secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
		expect(sandbox.hooks().filter((hook) => hook.id === zap.subscribeData.id)).toEqual([expect.objectContaining({ event: 'link.created', url: zap.targetUrl, is_active: true })]);
		await zap.turnOff();
	});

	test('turning it off ends the subscription: the sandbox holds none for it, and nothing more is delivered', async () => {
		const zap = await turnOn('link_created');
		await newLink({ original_url: 'https://example.com/hooks/before-off' });
		await zap.next();
		expect(await zap.turnOff()).toEqual({ id: zap.subscribeData.id, unsubscribed: true });
		expect(sandbox.hooks().filter((hook) => hook.id === zap.subscribeData.id)).toEqual([]);
		const deliveriesBefore = sandbox.deliveries({ hook_id: String(zap.subscribeData.id) }).length;
		await newLink({ original_url: 'https://example.com/hooks/after-off' });
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(receiver.on(zap.path)).toHaveLength(1);
		expect(sandbox.deliveries({ hook_id: String(zap.subscribeData.id) })).toHaveLength(deliveriesBefore);
		// Zapier may turn a Zap off twice (or after Linkkit dropped the hook): already gone counts as ended.
		expect(await zap.turnOff()).toEqual({ id: zap.subscribeData.id, unsubscribed: true });
	});

	test('a Zap with a segment or a link keeps the filter with the subscription; a link that does not exist fails turning it on', async () => {
		const segment = await api.segments.create({ name: code('seg') });
		const link = await newLink({ original_url: 'https://example.com/hooks/filter', short_code: code('flt') });
		const onSegment = await turnOn('link_updated', { list_id: segment.id });
		expect(onSegment.subscribeData).toMatchObject({ event: 'link.updated', list_id: segment.id });
		const onLink = await turnOn('link_clicked', { link: link.short_url });
		expect(onLink.subscribeData).toMatchObject({ event: 'link.clicked', link_id: link.id, short_code: link.short_code });
		const before = sandbox.hooks().length;
		const error = await failureOf(connection().run('triggers.link_clicked.operation.performSubscribe', { inputData: { link: 'no-such-link-here' }, targetUrl: `${receiver.url}/hooks/none` }));
		expect(error.status).toBe(404);
		expect(sandbox.hooks()).toHaveLength(before);
		await onSegment.turnOff();
		await onLink.turnOff();
	});
});

test('a subscribe answer without a signing secret: the hook is ended again and turning the Zap on fails, saying why', async () => {
	// Linkkit as seen through a proxy that drops `secret` from the subscribe answer.
	const proxy = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', async () => {
			const answer = await fetch(`${sandbox.url}${req.url}`, {
				method: req.method,
				headers: Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)) as Array<[string, string]>),
				body: chunks.length ? Buffer.concat(chunks) : undefined,
			});
			let body = await answer.text();
			if (req.method === 'POST' && req.url === '/v1/hooks' && answer.status === 201) {
				const { secret: _dropped, ...rest } = JSON.parse(body) as Item; // eslint-disable-line @typescript-eslint/no-unused-vars
				body = JSON.stringify(rest);
			}
			res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json', date: answer.headers.get('date') ?? new Date().toUTCString() });
			res.end(body);
		});
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	try {
		const before = sandbox.hooks().length;
		const tester = zapierCore.createAppTester(app as never) as unknown as (method: unknown, bundle: object) => Promise<unknown>;
		pointAppAt(`http://127.0.0.1:${(proxy.address() as { port: number }).port}`);
		const error = await failureOf(tester(methodAt('triggers.link_created.operation.performSubscribe'), { authData: authDataOf(sandbox), inputData: {}, targetUrl: `${receiver.url}/hooks/no-secret` }));
		expect(error.message).toMatch(/sent no signing secret/);
		expect(sandbox.hooks()).toHaveLength(before);
	} finally {
		pointAppAt(sandbox.url);
		await new Promise((resolve) => proxy.close(resolve));
	}
});

describe('perform: what a delivery becomes', () => {
	test('New Link: the link as the polling New Link hands it on, from the exact bytes (non-ASCII title)', async () => {
		const zap = await turnOn('link_created');
		const conn = zap.conn;
		const link = await conn.run<Item>('creates.create_link.operation.perform', { inputData: { original_url: 'https://example.com/hooks/café', title: 'Café — naïve “quotes” 🚀' } });
		const delivery = await zap.next();
		expect(envelopeOf(delivery)).toMatchObject({ event: 'link.created', data: { id: link.id } });
		const items = await zap.perform(delivery);
		expect(items).toEqual([link]);
		const polled = await conn.run<Item[]>('triggers.new_link.operation.perform', { meta: { isLoadingSample: true } });
		expect(items[0]).toEqual(polled.find((item) => item.id === link.id));
		expectSameShape(items[0], app.triggers.link_created.operation.sample);
		await zap.turnOff();
	});

	test('Updated Link: each edit its own item (link id and edit time), as the polling Updated Link', async () => {
		const link = await newLink({ original_url: 'https://example.com/hooks/edit', short_code: code('edt') });
		const zap = await turnOn('link_updated');
		await zap.conn.run<Item>('creates.update_link.operation.perform', { inputData: { link: link.short_code, title: 'Edited once' } });
		const items = await zap.perform(await zap.next());
		const now = await api.links.get(String(link.short_code));
		expect(items).toEqual([expect.objectContaining({ id: `${link.id}-${now.updated_at}`, link_id: link.id, title: 'Edited once', short_url: now.short_url })]);
		const polled = await zap.conn.run<Item[]>('triggers.updated_link.operation.perform', { meta: { isLoadingSample: true } });
		expect(items[0]).toEqual(polled.find((item) => item.link_id === link.id));
		expectSameShape(items[0], app.triggers.link_updated.operation.sample);
		await zap.turnOff();
	});

	test("Deleted Link: the link as it was, and Linkkit's time of the deletion", async () => {
		const segment = await api.segments.create({ name: code('del') });
		const link = await newLink({ original_url: 'https://example.com/hooks/delete', short_code: code('del'), title: 'Short-lived', list_id: segment.id });
		const zap = await turnOn('link_deleted');
		await zap.conn.run('creates.delete_link.operation.perform', { inputData: { link: link.short_code } });
		const delivery = await zap.next();
		const items = await zap.perform(delivery);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ id: link.id, short_code: link.short_code, title: 'Short-lived', list_id: segment.id, list_name: segment.name, deleted_at: envelopeOf(delivery).created_at });
		expectSameShape(items[0], app.triggers.link_deleted.operation.sample);
		await zap.turnOff();
	});

	test('New Click: the click as the polling New Click hands it on (link id, short code, short URL, title)', async () => {
		const link = await newLink({ original_url: 'https://example.com/hooks/click', short_code: code('clk'), title: 'Clicked instantly' });
		const zap = await turnOn('link_clicked');
		await visit(sandbox, String(link.short_code));
		const items = await zap.perform(await zap.next());
		expect(items).toHaveLength(1);
		const polled = await zap.conn.run<Item[]>('triggers.new_click.operation.perform', { inputData: { link: link.short_code }, meta: { isLoadingSample: true } });
		expect(items[0]).toEqual(polled[0]);
		expect(items[0]).toMatchObject({ link_id: link.id, short_code: link.short_code, link_title: 'Clicked instantly' });
		expectSameShape(items[0], app.triggers.link_clicked.operation.sample);
		await zap.turnOff();
	});

	test('filters: a Zap on one link gets only its clicks (others without a request), a Zap on a segment only its links', async () => {
		const watched = await newLink({ original_url: 'https://example.com/hooks/watched', short_code: code('wch') });
		const other = await newLink({ original_url: 'https://example.com/hooks/other', short_code: code('oth') });
		const onLink = await turnOn('link_clicked', { link: watched.short_code });
		await visit(sandbox, String(other.short_code));
		const otherClick = await onLink.next();
		const before = requestsServed();
		expect(await onLink.perform(otherClick)).toEqual([]);
		expect(requestsServed()).toBe(before);
		await visit(sandbox, String(watched.short_code));
		expect(await onLink.perform(await onLink.next())).toEqual([expect.objectContaining({ link_id: watched.id })]);

		const segment = await api.segments.create({ name: code('seg') });
		const onSegment = await turnOn('link_created', { list_id: segment.id });
		await newLink({ original_url: 'https://example.com/hooks/outside' });
		expect(await onSegment.perform(await onSegment.next())).toEqual([]);
		const inside = await newLink({ original_url: 'https://example.com/hooks/inside', list_id: segment.id });
		expect(await onSegment.perform(await onSegment.next())).toEqual([expect.objectContaining({ id: inside.id, list_id: segment.id, list_name: segment.name })]);
		await onLink.turnOff();
		await onSegment.turnOff();
	});
});

describe('perform: forged, tampered, unsigned and repeated deliveries start nothing', () => {
	test('each refused delivery gives no items, reads nothing from Linkkit and writes nothing to z.cache; the genuine one still runs', async () => {
		const link = await newLink({ original_url: 'https://example.com/hooks/forged', short_code: code('frg') });
		const zap = await turnOn('link_clicked');
		const other = await turnOn('link_clicked');
		await visit(sandbox, String(link.short_code));
		const genuine = await zap.next();
		const forOther = await other.next();
		const body = genuine.body.toString('utf8');
		const withSignature = (value: string | null) => (headers: Array<[string, string]>) =>
			[...headers.filter(([name]) => name.toLowerCase() !== 'x-linkkit-signature'), ...(value === null ? [] : ([['X-Linkkit-Signature', value]] as Array<[string, string]>))];
		const tamperedBody = body.replace(/"country":"[^"]*"|"country":null/, '"country":"ZZ"');
		expect(tamperedBody).not.toBe(body);
		const forgeries: Record<string, Captured> = {
			'signed with a wrong secret': altered(genuine, { headers: withSignature(signatureOf('f'.repeat(64), body)) }),
			'a tampered body under the genuine signature': altered(genuine, { body: tamperedBody }),
			'a body with one byte added': altered(genuine, { body: `${body} ` }),
			unsigned: altered(genuine, { headers: withSignature(null) }),
			'an empty signature': altered(genuine, { headers: withSignature('') }),
			"another Zap's genuine delivery (its secret)": forOther,
			'the signature of another body': altered(genuine, { body: '{"id":"x","event":"link.clicked","data":{}}' }),
		};
		const cacheBefore = JSON.stringify(zap.conn.cache());
		const requestsBefore = requestsServed();
		const logged = jest.spyOn(console, 'log').mockImplementation(() => undefined);
		for (const [name, forged] of Object.entries(forgeries)) {
			expect({ name, items: await zap.perform(forged) }).toEqual({ name, items: [] });
		}
		// No raw body at all (only Zapier's parsed one), and no subscription secret: nothing can be checked.
		expect(await zap.conn.run<Item[]>('triggers.link_clicked.operation.perform', { subscribeData: zap.subscribeData, cleanedRequest: envelopeOf(genuine) })).toEqual([]);
		expect(await zap.perform(genuine, { subscribeData: { id: zap.subscribeData.id, event: 'link.clicked' } })).toEqual([]);
		expect(requestsServed()).toBe(requestsBefore);
		expect(JSON.stringify(zap.conn.cache())).toBe(cacheBefore);
		// Each refusal is logged with its reason (Zapier's developer logs), never with the secret or the signature.
		const lines = logged.mock.calls.map((call) => call.map(String).join(' '));
		logged.mockRestore();
		expect(lines.filter((line) => /delivery ignored, no Zap run/.test(line))).toHaveLength(Object.keys(forgeries).length + 2);
		expect(lines.filter((line) => /signature does not match/.test(line)).length).toBeGreaterThanOrEqual(4);
		for (const line of lines) {
			expect(line).not.toContain(String(zap.subscribeData.secret));
			expect(line).not.toContain(signatureOf(String(zap.subscribeData.secret), body).slice(7));
		}

		expect(await zap.perform(genuine)).toEqual([expect.objectContaining({ link_id: link.id, short_code: link.short_code })]);
		await zap.turnOff();
		await other.turnOff();
	});

	test("Linkkit's retry of a delivery (same event id) becomes one Zap run; another Zap on the event gets its own run", async () => {
		const zap = await turnOn('link_created');
		const second = await turnOn('link_created');
		// The Zap's URL fails twice, so the sandbox sends the same event three times (A21, retries 100 times faster).
		receiver.failNext(zap.path, 2);
		const link = await newLink({ original_url: 'https://example.com/hooks/retried' });
		const copies = [await zap.next(), await zap.next(), await zap.next()];
		expect(new Set(copies.map((copy) => envelopeOf(copy).id)).size).toBe(1);
		expect(copies.map((copy) => copy.answered)).toEqual([500, 500, 200]);
		await until(() => sandbox.deliveries({ hook_id: String(zap.subscribeData.id) }).at(-1)?.state === 'delivered');
		expect(sandbox.deliveries({ hook_id: String(zap.subscribeData.id) }).at(-1)?.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
		const runs = [];
		for (const copy of copies) runs.push(await zap.perform(copy));
		expect(runs.map((items) => items.map((item) => item.id))).toEqual([[link.id], [], []]);
		expect(await second.perform(await second.next())).toEqual([expect.objectContaining({ id: link.id })]);
		// The memory is z.cache: the same repeat on a connection whose cache lost it (a fresh one) runs again.
		const forgetful = connection();
		expect(await forgetful.run<Item[]>('triggers.link_created.operation.perform', { subscribeData: zap.subscribeData, ...asZapierRequest(copies[2]) })).toHaveLength(1);
		await zap.turnOff();
		await second.turnOff();
	});

	test('out of order: each event runs once, in the order it arrives, whatever its time', async () => {
		const link = await newLink({ original_url: 'https://example.com/hooks/order', short_code: code('ord') });
		const zap = await turnOn('link_updated');
		await api.links.update(String(link.short_code), { title: 'First' });
		const first = await zap.next();
		await api.links.update(String(link.short_code), { title: 'Second' });
		const second = await zap.next();
		const later = await zap.perform(second);
		const earlier = await zap.perform(first);
		expect([...later, ...earlier].map((item) => item.title)).toEqual(['Second', 'First']);
		expect(Date.parse(String(later[0].updated_at))).toBeGreaterThanOrEqual(Date.parse(String(earlier[0].updated_at)));
		expect(await zap.perform(first)).toEqual([]);
		await zap.turnOff();
	});
});

describe('performList: real recent items in the live shape', () => {
	test('New Link, Updated Link and Deleted Link show the newest links; New Click the newest clicks', async () => {
		const link = await newLink({ original_url: 'https://example.com/hooks/listed', short_code: code('lst'), title: 'Listed' });
		await api.links.update(String(link.short_code), { title: 'Listed and edited' });
		await visit(sandbox, String(link.short_code));
		const conn = connection();
		const list = (key: string, inputData: Item = {}) => conn.run<Item[]>(`triggers.${key}.operation.performList`, { inputData, meta: { isLoadingSample: true } });

		const created = await list('link_created');
		expect(created.length).toBeGreaterThan(0);
		expect(created[0]).toMatchObject({ id: link.id, title: 'Listed and edited' });
		const updated = await list('link_updated');
		expect(updated[0]).toMatchObject({ link_id: link.id, title: 'Listed and edited' });
		const deleted = await list('link_deleted');
		expect(deleted[0]).toMatchObject({ id: link.id, deleted_at: null });
		const clicks = await list('link_clicked');
		expect(clicks[0]).toMatchObject({ link_id: link.id, short_code: link.short_code, link_title: 'Listed and edited' });
		expect((await list('link_clicked', { link: link.short_url }))[0]).toEqual(clicks[0]);
		for (const [key, items] of Object.entries({ link_created: created, link_updated: updated, link_deleted: deleted, link_clicked: clicks })) {
			expect(items.length).toBeLessThanOrEqual(3);
			for (const item of items) expectSameShape(item, app.triggers[key].operation.sample);
		}
	});
});

describe('the definition', () => {
	test('four instant triggers, offered before the rest; the polling New Link, Updated Link and New Click kept but hidden', () => {
		const visible = Object.values(app.triggers).filter((t) => !t.display.hidden);
		expect(visible.slice(0, 4).map((t) => [t.key, t.display.label, t.operation.type])).toEqual([
			['link_created', 'New Link', 'hook'],
			['link_updated', 'Updated Link', 'hook'],
			['link_deleted', 'Deleted Link', 'hook'],
			['link_clicked', 'New Click', 'hook'],
		]);
		for (const key of ['new_link', 'updated_link', 'new_click']) expect(app.triggers[key].display.hidden).toBe(true);
		for (const key of ['click_milestone', 'new_conversion']) expect(app.triggers[key].display.hidden).toBeFalsy();
	});

	test('samples are realistic and described by their output fields', () => {
		for (const key of ['link_created', 'link_updated', 'link_deleted', 'link_clicked']) {
			const { sample, outputFields } = app.triggers[key].operation as unknown as { sample: Item; outputFields: Array<{ key: string; type?: string }> };
			expectOutputFieldsDescribe(sample, outputFields);
			expect(JSON.stringify(sample)).not.toMatch(/secret|signature|example\.test|sandbox/i);
		}
	});
});
