/**
 * Auth (Bearer or X-Api-Key, 401 otherwise), paging (`page`/`limit` ≤ 100, `{data, meta}`), list orders and filters
 * (A14), and the one error body `{"error": "<message>"}` for every refusal.
 */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { allPages, call, get, post, put, type Link, type List, type All, type Page } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

describe('auth', () => {
	it('takes the key as a Bearer token or in X-Api-Key', async () => {
		expect((await get(sandbox, '/v1/links?limit=1', { via: 'bearer' })).status).toBe(200);
		expect((await get(sandbox, '/v1/links?limit=1', { via: 'x-api-key' })).status).toBe(200);
		expect((await get(sandbox, '/v1/links?limit=1', { key: null, headers: { authorization: `bearer   ${sandbox.apiKey}` } })).status).toBe(200);
	});

	it('answers 401 {"error"} for a missing, wrong or malformed key, on every /v1 path', async () => {
		for (const path of ['/v1/links', '/v1/tags', '/v1/workspaces', '/v1/analytics/summary', '/v1/links/abc123', '/v1/no-such-path']) {
			for (const options of [{ key: null }, { key: 'lk_test_wrong' }, { key: 'lk_test_wrong', via: 'x-api-key' as const }, { key: null, headers: { authorization: sandbox.apiKey } }]) {
				const reply = await get(sandbox, path, options);
				expect([path, reply.status, typeof reply.body.error]).toEqual([path, 401, 'string']);
				expect(Object.keys(reply.body)).toEqual(['error']);
			}
		}
	});

	it('has no scopes: the key reads and writes everything in its workspace', async () => {
		expect((await post(sandbox, '/v1/tags', { name: 'writable' })).status).toBe(201);
		expect((await put(sandbox, '/v1/links/scopeless', { original_url: 'https://example.com' })).status).toBe(201);
	});

	it('does not accept the API key in the query outside /feeds', async () => {
		expect((await get(sandbox, `/v1/links?api_key=${sandbox.apiKey}`, { key: null })).status).toBe(401);
	});
});

describe('paging', () => {
	it('defaults to page 1 of 20 and reports {page, limit, total}', async () => {
		const reply = await get<Page<Link>>(sandbox, '/v1/links');
		expect(reply.body.meta).toEqual({ page: 1, limit: 20, total: 60 });
		expect(reply.body.data).toHaveLength(20);
	});

	it('walks every link exactly once, newest first, ties by id descending (A14)', async () => {
		const links = await allPages<Link>(sandbox, '/v1/links', 7);
		expect(links).toHaveLength(60);
		expect(new Set(links.map((link) => link.id)).size).toBe(60);
		for (let i = 1; i < links.length; i++) {
			const [a, b] = [links[i - 1], links[i]];
			expect(a.created_at > b.created_at || (a.created_at === b.created_at && a.id > b.id)).toBe(true);
		}
		// The seed makes some links share a timestamp, so the tie-break is exercised.
		expect(new Set(links.map((link) => link.created_at)).size).toBeLessThan(60);
	});

	it('answers an empty page past the end and 400 for limit > 100, limit 0 or page 0', async () => {
		expect((await get<Page<Link>>(sandbox, '/v1/links?page=99&limit=10')).body).toEqual({ data: [], meta: { page: 99, limit: 10, total: 60 } });
		expect((await get<Page<Link>>(sandbox, '/v1/links?limit=100')).body.data).toHaveLength(60);
		for (const query of ['limit=101', 'limit=0', 'page=0', 'page=abc']) {
			const reply = await get(sandbox, `/v1/links?${query}`);
			expect([query, reply.status]).toEqual([query, 400]);
			expect(reply.body.error).toMatch(/page|limit/);
		}
	});

	it('reads query values with reserved characters left unencoded, as any server does', async () => {
		const encoded = await get<Page<Link>>(sandbox, '/v1/links?search=shop.acme.test%2Fpricing');
		const plain = await get<Page<Link>>(sandbox, '/v1/links?search=shop.acme.test/pricing');
		expect(plain.status).toBe(200);
		expect(plain.body).toEqual(encoded.body);
		expect((await get(sandbox, '/v1/analytics/summary?from=2026-01-01T00:00:00Z&to=2026-12-31T23:59:59%2B00:00')).status).toBe(200);
	});

	it('filters by search (URL or title, any case), list_id and is_active, and meta.total counts the matches', async () => {
		const every = await allPages<Link>(sandbox, '/v1/links');
		const lists = (await get<All<List>>(sandbox, '/v1/lists')).body.data;
		const listId = every.find((link) => link.list_id)!.list_id!;
		const cases: Array<[string, (link: Link) => boolean]> = [
			['search=PRICING', (link) => link.original_url.includes('pricing') || (link.title ?? '').toLowerCase().includes('pricing')],
			['search=Gift%20guide', (link) => (link.title ?? '').toLowerCase().includes('gift guide') || link.original_url.toLowerCase().includes('gift guide')],
			[`list_id=${listId}`, (link) => link.list_id === listId],
			['is_active=false', (link) => !link.is_active],
			['is_active=true', (link) => link.is_active],
		];
		for (const [query, expected] of cases) {
			const matches = every.filter(expected);
			const reply = await get<Page<Link>>(sandbox, `/v1/links?${query}&limit=100`);
			expect([query, reply.body.meta.total]).toEqual([query, matches.length]);
			expect(reply.body.data.map((link) => link.id)).toEqual(matches.map((link) => link.id));
		}
		expect(lists.some((list) => list.id === listId)).toBe(true);
		expect((await get(sandbox, '/v1/links?list_id=not-a-uuid')).status).toBe(400);
		expect((await get(sandbox, '/v1/links?is_active=maybe')).status).toBe(400);
	});
});

describe('errors are always {"error": "<message>"}', () => {
	it('for an unknown path or method, malformed JSON, a non-JSON body and unknown query parameters', async () => {
		const replies = [
			await get(sandbox, '/v1/nothing-here'),
			await call(sandbox, 'DELETE', '/v1/links'),
			await post(sandbox, '/v1/links', '{"original_url":'),
			await call(sandbox, 'POST', '/v1/links', { body: undefined, headers: { 'content-type': 'text/plain' } }),
			await get(sandbox, '/v1/links?sort=-created_at'),
		];
		expect(replies.map((reply) => reply.status)).toEqual([404, 404, 400, 400, 400]);
		for (const reply of replies) {
			expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
			expect(Object.keys(reply.body)).toEqual(['error']);
			expect(reply.body.error.length).toBeGreaterThan(3);
		}
	});

	it('names the field in validation messages and carries no request id or code', async () => {
		const reply = await post(sandbox, '/v1/links', { original_url: 42, title: 7 });
		expect(reply.status).toBe(400);
		expect(reply.body.error).toMatch(/original_url/);
		expect(reply.body.error).toMatch(/title/);
		expect(reply.headers.get('x-request-id')).toBeNull();
	});
});
