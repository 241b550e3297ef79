/**
 * Writes whose answer is lost (no answer, a timeout, a 5xx) end exactly once: PUT, PATCH and DELETE are sent again
 * (a repeat cannot act twice), POST never blindly (Linkkit has no idempotency key): what the attempt made is looked
 * for first. Scripted answers on a fake clock; the same rules run over HTTP against the sandbox in test/contract.
 */
import { createLinkkitClient, derivedShortCode, LinkkitError, SETTLE_MS } from '../../core';
import { apiError, FakePort, json } from '../support/fake-port';

const BASE = 'https://api.uselinkkit.com';
const lost = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

function setup() {
	const port = new FakePort([]);
	const client = createLinkkitClient(port, { baseUrl: BASE, retry: { pacing: false } });
	/** An answer stamped with the fake clock as Linkkit's Date. */
	const dated = (status: number, body: unknown) => () => json(status, body, { date: new Date(port.clock).toUTCString() });
	return { port, client, dated };
}

function link(code: string, extra: Record<string, unknown> = {}) {
	const at = '2026-11-27T12:00:00.000Z';
	return { id: `00000000-0000-4000-8000-${code.padStart(12, '0').slice(-12)}`, short_code: code, original_url: 'https://example.com/a', title: null, custom_domain: null, is_active: true, expire_at: null, notes: null, list_id: null, created_at: at, updated_at: at, ...extra };
}

const steps = (port: FakePort) => port.requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`);

describe('links created under a derived code (PUT)', () => {
	it('a lost answer is sent again under the same code, and the second answer (200) is the same link', async () => {
		const code = derivedShortCode('identity-1');
		const { port, client, dated } = setup();
		port.push(lost(), dated(200, link(code)));
		const result = await client.links.createOnce('identity-1', { original_url: 'https://example.com/a' });
		expect(result.link.short_code).toBe(code);
		expect(result.link.short_url).toBe(`https://uselinkkit.com/${code}`);
		expect(steps(port)).toEqual([`PUT /v1/links/${code}`, `PUT /v1/links/${code}`]);
	});

	it('a code another workspace holds (409) moves to the next derivation, the same on every repeat', async () => {
		const [first, second] = [derivedShortCode('identity-2', 0), derivedShortCode('identity-2', 1)];
		const { port, client, dated } = setup();
		port.push(() => apiError(409, 'short_code already taken'), dated(201, link(second)));
		const result = await client.links.createOnce('identity-2', { original_url: 'https://example.com/a' });
		expect(result).toMatchObject({ created: true, link: { short_code: second } });
		expect(steps(port)).toEqual([`PUT /v1/links/${first}`, `PUT /v1/links/${second}`]);
	});

	it("a person's own code is checked first and never overwrites another link", async () => {
		const { port, client, dated } = setup();
		port.push(dated(200, link('promo', { original_url: 'https://other.example/' })));
		const error = await client.links.createWithCode('promo', { original_url: 'https://example.com/a' }).catch((e: LinkkitError) => e);
		expect(error).toBeInstanceOf(LinkkitError);
		expect((error as LinkkitError).message).toMatch(/"promo" is already in use by another link \(to https:\/\/other.example\/\)/);
		expect(steps(port)).toEqual(['GET /v1/links/promo']);
	});

	it("a person's own code already holding exactly these details is this create repeated: returned, nothing written", async () => {
		const { port, client, dated } = setup();
		port.push(dated(200, link('promo')));
		const result = await client.links.createWithCode('promo', { original_url: 'https://example.com/a' });
		expect(result).toMatchObject({ created: false, link: { short_code: 'promo' } });
		expect(steps(port)).toEqual(['GET /v1/links/promo']);
	});
});

describe('Linkkit picks the code (POST): a lost answer is looked for before sending again', () => {
	it('finds the link the lost attempt made (after lists settle) and does not create a second', async () => {
		const { port, client, dated } = setup();
		port.push(
			dated(200, { data: [], meta: { total: 0 } }),
			() => apiError(500, 'Internal error'),
		);
		// First a read, so the client knows Linkkit's clock; then the create whose answer is a 500.
		await client.links.listPage();
		port.push(dated(200, { data: [link('Ab3dE9', { created_at: new Date(port.clock + SETTLE_MS).toISOString() })], meta: { page: 1, limit: 100, total: 1 } }));
		const result = await client.links.createPicked({ original_url: 'https://example.com/a' });
		expect(result.link.short_code).toBe('Ab3dE9');
		expect(steps(port)).toEqual(['GET /v1/links?page=1&limit=100', 'POST /v1/links', 'GET /v1/links?search=https%3A%2F%2Fexample.com%2Fa&page=1&limit=100']);
		expect(port.sleeps).toContain(SETTLE_MS);
	});

	it('sends again when nothing was made, and an older link to the same URL does not count', async () => {
		const older = link('old001', { created_at: '2020-01-01T00:00:00.000Z' });
		const { port, client, dated } = setup();
		port.push(lost());
		port.push(dated(200, { status: 'ok' }), dated(200, { data: [older], meta: { total: 1 } }), dated(201, link('New123')));
		const result = await client.links.createPicked({ original_url: 'https://example.com/a' });
		expect(result.link.short_code).toBe('New123');
		expect(steps(port)).toEqual(['POST /v1/links', 'GET /health', 'GET /v1/links?search=https%3A%2F%2Fexample.com%2Fa&page=1&limit=100', 'POST /v1/links']);
	});

	it('a 429 on a POST is simply sent again (Linkkit did nothing)', async () => {
		const { port, client, dated } = setup();
		port.push(() => apiError(429, 'Too many requests'), dated(201, link('Zz9Yy8')));
		await expect(client.links.createPicked({ original_url: 'https://example.com/a' })).resolves.toMatchObject({ link: { short_code: 'Zz9Yy8' } });
		expect(steps(port)).toEqual(['POST /v1/links', 'POST /v1/links']);
	});
});

describe('updates and deletes after a lost answer', () => {
	it('a delete retried after a lost answer that finds the link gone has deleted it', async () => {
		const { port, client } = setup();
		port.push(lost(), apiError(404, 'Link not found'));
		await expect(client.links.delete('abc123')).resolves.toEqual({ short_code: 'abc123', deleted: true });
		expect(steps(port)).toEqual(['DELETE /v1/links/abc123', 'DELETE /v1/links/abc123']);
	});

	it('a delete of a link that never existed still says not found', async () => {
		const { port, client } = setup();
		port.push(apiError(404, 'Link not found'));
		await expect(client.links.delete('abc123')).rejects.toMatchObject({ status: 404 });
	});

	it('a rename retried after a lost answer finds the link under its new code', async () => {
		const { port, client, dated } = setup();
		port.push(lost(), () => apiError(404, 'Link not found'), dated(200, link('new-code')));
		await expect(client.links.update('abc123', { short_code: 'new-code' })).resolves.toMatchObject({ short_code: 'new-code', short_url: 'https://uselinkkit.com/new-code' });
		expect(steps(port)).toEqual(['PATCH /v1/links/abc123', 'PATCH /v1/links/abc123', 'GET /v1/links/new-code']);
	});
});

describe('POST creates of named objects and bulk imports', () => {
	it('a segment whose create answer was lost is found by name among those made since', async () => {
		const { port, client, dated } = setup();
		port.push(dated(200, { data: [], meta: { total: 0 } }));
		await client.segments.list();
		const made = { id: '11111111-1111-4111-8111-111111111111', name: 'Spring', color: null, created_at: new Date(port.clock + 1000).toISOString() };
		const old = { id: '22222222-2222-4222-8222-222222222222', name: 'Spring', color: null, created_at: '2020-01-01T00:00:00.000Z' };
		port.push(lost(), dated(200, { data: [old, made], meta: { total: 2 } }));
		await expect(client.segments.create({ name: 'Spring' })).resolves.toEqual(made);
		expect(steps(port)).toEqual(['GET /v1/lists', 'POST /v1/lists', 'GET /v1/lists']);
	});

	it('a bulk import whose answer was lost counts as imported when its URLs turned up, and says which rows are unknown', async () => {
		const { port, client, dated } = setup();
		port.push(dated(200, { data: [], meta: { total: 0 } }));
		await client.links.listPage();
		const since = port.clock;
		port.push(lost(), dated(200, {
			data: [
				link('bbb222', { original_url: 'https://example.com/b', created_at: new Date(since + 500).toISOString() }),
				link('aaa111', { original_url: 'https://example.com/a', created_at: new Date(since + 400).toISOString() }),
				link('zzz999', { original_url: 'https://example.com/c', created_at: '2020-01-01T00:00:00.000Z' }),
			],
			meta: { page: 1, limit: 100, total: 3 },
		}));
		const result = await client.bulk.importBatch([
			{ original_url: 'https://example.com/a' },
			{ original_url: 'not a url' },
			{ original_url: 'https://example.com/b' },
			{ original_url: 'https://example.com/c' },
		]);
		expect(result.rows.map((r) => r.status)).toEqual(['created', 'invalid', 'created', 'unknown']);
		expect(result).toMatchObject({ created: 2, invalid: 1, skipped: 1 });
		expect(steps(port).filter((s) => s.startsWith('POST'))).toEqual(['POST /v1/links/bulk']);
	});

	it("a bulk import's answer pairs Linkkit's skipped URLs with their rows", async () => {
		const { port, client, dated } = setup();
		port.push(dated(201, { created: 2, skipped: 1, errors: [{ url: 'https://malware.test/x', reason: 'URL failed safety checks' }] }));
		const result = await client.bulk.importBatch([{ original_url: 'https://example.com/a' }, { original_url: 'https://malware.test/x' }, { original_url: 'https://example.com/b' }]);
		expect(result.rows).toEqual([
			{ index: 0, original_url: 'https://example.com/a', status: 'created' },
			{ index: 1, original_url: 'https://malware.test/x', status: 'skipped', reason: 'URL failed safety checks' },
			{ index: 2, original_url: 'https://example.com/b', status: 'created' },
		]);
	});
});
