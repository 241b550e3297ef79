import { createHmac } from 'node:crypto';
import { createLinkkitClient, deliveryItem, parseDelivery, RecentEvents, verifySignature } from '../../core';
import { signatureOf } from '../../sandbox';
import { FakePort, json } from '../support/fake-port';

const secret = 'a3f8c2'.padEnd(64, '0');
const body = JSON.stringify({ id: 'evt-1', event: 'link.created', created_at: '2026-12-03T10:00:00.000Z', data: { short_code: 'abc123' } });
const mac = () => createHmac('sha256', secret).update(body, 'utf8').digest();

describe('webhook signatures', () => {
	it("accepts the sandbox's own signature (docs/assumptions.md A20) over the exact raw body", () => {
		expect(verifySignature(body, signatureOf(secret, body), secret)).toBe(true);
		expect(verifySignature(Buffer.from(body), signatureOf(secret, body), secret)).toBe(true);
	});

	it.each([
		['bare hex', () => mac().toString('hex')],
		['upper-case hex', () => mac().toString('hex').toUpperCase()],
		['sha256= and base64', () => `sha256=${mac().toString('base64')}`],
		['URL-safe base64 without padding', () => mac().toString('base64url')],
		['one of several', () => `sha256=${'0'.repeat(64)}, sha256=${mac().toString('hex')}`],
	])('accepts the unambiguous variants: %s', (_name, header) => {
		expect(verifySignature(body, header(), secret)).toBe(true);
	});

	it.each([
		['missing', undefined],
		['empty', ''],
		['for another body', signatureOf(secret, `${body} `)],
		['with another secret', signatureOf('b'.repeat(64), body)],
		['truncated', signatureOf(secret, body).slice(0, 40)],
		['not hex or base64', 'sha256=zz'],
	])('refuses a signature that is %s', (_name, header) => {
		expect(verifySignature(body, header, secret)).toBe(false);
	});

	it('refuses everything without a secret', () => {
		expect(verifySignature(body, signatureOf(secret, body), '')).toBe(false);
	});
});

describe('deliveries', () => {
	it('reads the envelope, tolerating other names for the event and its id', () => {
		expect(parseDelivery(JSON.parse(body))).toEqual({ id: 'evt-1', event: 'link.created', created_at: '2026-12-03T10:00:00.000Z', data: { short_code: 'abc123' } });
		expect(parseDelivery({ event_id: 7, type: 'link.deleted', data: {} })).toMatchObject({ id: '7', event: 'link.deleted' });
		expect(parseDelivery({ id: 'x', short_code: 'abc123' }, 'link.updated')).toMatchObject({ event: 'link.updated', data: { short_code: 'abc123' } });
		expect(parseDelivery({ id: 'x', event: 'qr.scanned' })).toBeUndefined();
		expect(parseDelivery('nope')).toBeUndefined();
	});

	const link = { id: '3f6c1a9e-8b2d-4c71-9e0a-5d4b7f2c1e88', short_code: 'abc123', original_url: 'https://example.com', custom_domain: 'go.acme.test', created_at: '2026-12-03T10:00:00.000Z', updated_at: '2026-12-03T10:00:00.000Z' };

	it('a link event with the link becomes the link with its short URL, without a request', async () => {
		const port = new FakePort([]);
		const item = await deliveryItem({ id: 'e', event: 'link.updated', data: link }, createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com' }));
		expect(item).toEqual({ ...link, short_url: 'https://go.acme.test/abc123' });
		expect(port.requests).toHaveLength(0);
	});

	it('a click naming its link only by code is completed by reading the link', async () => {
		const port = new FakePort([json(200, link)]);
		const click = { id: 'c1', clicked_at: '2026-12-03T10:01:00.000Z', country: 'US', city: null, device: 'mobile', browser: 'Safari', os: 'iOS', referer: null };
		const item = await deliveryItem({ id: 'e', event: 'link.clicked', data: { short_code: 'abc123', link_id: link.id, click } }, createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com' }));
		expect(item).toEqual({ ...click, link_id: link.id, short_code: 'abc123', short_url: 'https://go.acme.test/abc123' });
		expect(port.requests.map((r) => new URL(r.url).pathname)).toEqual(['/v1/links/abc123']);
	});

	it('a deleted link is not read again (it is gone)', async () => {
		const port = new FakePort([]);
		const item = await deliveryItem({ id: 'e', event: 'link.deleted', data: { short_code: 'abc123' } }, createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com' }));
		expect(item).toEqual({ short_code: 'abc123', short_url: 'https://uselinkkit.com/abc123' });
		expect(port.requests).toHaveLength(0);
	});
});

describe('recent events', () => {
	it('recognises a repeat within its capacity and forgets the oldest beyond it', () => {
		const recent = new RecentEvents([], 3);
		expect(['a', 'b', 'a', 'c', 'd', 'a'].map((id) => recent.remember(id))).toEqual([true, true, false, true, true, true]);
		expect(recent.toJSON()).toEqual(['c', 'd', 'a']);
		expect(new RecentEvents(recent.toJSON(), 3).remember('d')).toBe(false);
	});
});
