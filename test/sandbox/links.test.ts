/**
 * /v1/links: create with a code Linkkit picks, upsert by code (201 then 200), get, partial update and rename (409 when
 * taken), delete ({deleted: true}), and the checks the schema cannot express: the workspace's own domains and lists
 * (A9), the safety blocklist (A10), foreign codes (A6), the code rule (A7) and the plan limit (A8).
 */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { del, get, patch, post, put, sleep, type Link, type List, type All } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const firstList = async () => (await get<All<List>>(sandbox, '/v1/lists')).body.data[0];

describe('POST /v1/links', () => {
	it('creates a link with a random 6-character code and every field of the Link schema', async () => {
		const list = await firstList();
		const reply = await post<Link>(sandbox, '/v1/links', {
			original_url: 'https://example.com/spring?ref=a',
			title: 'Spring',
			custom_domain: 'GO.acme.test',
			expire_at: '2030-01-01T00:00:00Z',
			notes: 'flyer',
			list_id: list.id,
		});
		expect(reply.status).toBe(201);
		expect(reply.body).toEqual({
			id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
			short_code: expect.stringMatching(/^[A-Za-z0-9]{6}$/),
			original_url: 'https://example.com/spring?ref=a',
			title: 'Spring',
			custom_domain: 'go.acme.test',
			is_active: true,
			expire_at: '2030-01-01T00:00:00.000Z',
			notes: 'flyer',
			list_id: list.id,
			created_at: reply.body.created_at,
			updated_at: reply.body.created_at,
		});
		expect(Date.parse(reply.body.created_at)).toBeGreaterThan(Date.now() - 60_000);
		expect((await get<Link>(sandbox, `/v1/links/${reply.body.short_code}`)).body).toEqual(reply.body);
	});

	it('picks a different code each time and ignores a short_code in the body (POST has none)', async () => {
		const codes = new Set<string>();
		for (let i = 0; i < 20; i++) {
			const reply = await post<Link>(sandbox, '/v1/links', { original_url: `https://example.com/${i}`, short_code: 'mine123' });
			expect(reply.status).toBe(201);
			codes.add(reply.body.short_code);
		}
		expect(codes.size).toBe(20);
		expect(codes.has('mine123')).toBe(false);
	});

	it('answers 400 for a missing or non-URL original_url, an unknown domain or list', async () => {
		const cases = [
			[{}, /original_url is required/],
			[{ original_url: 'not a url' }, /original_url/],
			[{ original_url: 'https://example.com', custom_domain: 'other.example' }, /custom_domain other.example/],
			[{ original_url: 'https://example.com', list_id: '00000000-0000-4000-8000-000000000000' }, /list_id/],
		] as const;
		for (const [body, message] of cases) {
			const reply = await post(sandbox, '/v1/links', body);
			expect([reply.status, reply.body.error]).toEqual([400, expect.stringMatching(message)]);
		}
		expect(sandbox.counts().links).toBe(60);
	});

	it.each(['https://malware.test/x', 'http://www.phishing.test/login', 'https://cdn.evil.test/a.exe'])('refuses %s with 422 (safety checks)', async (url) => {
		const reply = await post(sandbox, '/v1/links', { original_url: url });
		expect(reply.status).toBe(422);
		expect(reply.body).toEqual({ error: 'URL failed safety checks' });
		expect(sandbox.counts().links).toBe(60);
	});

	it('answers 403 "Plan limit reached" once the plan holds as many links as it allows', async () => {
		sandbox.setPlan({ planLinks: 61 });
		expect((await post(sandbox, '/v1/links', { original_url: 'https://example.com/61' })).status).toBe(201);
		const refused = await post(sandbox, '/v1/links', { original_url: 'https://example.com/62' });
		expect(refused.status).toBe(403);
		expect(refused.body).toEqual({ error: 'Plan limit reached' });
		expect((await put(sandbox, '/v1/links/new-code', { original_url: 'https://example.com/put' })).status).toBe(403);
		expect(sandbox.counts().links).toBe(61);
	});
});

describe('PUT /v1/links/{shortCode} (upsert)', () => {
	it('creates under the code (201), then updates the same link (200) with only the fields given', async () => {
		const created = await put<Link>(sandbox, '/v1/links/spring-2026', { original_url: 'https://example.com/a', title: 'A', notes: 'keep me' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ short_code: 'spring-2026', original_url: 'https://example.com/a', title: 'A', is_active: true });
		const updated = await put<Link>(sandbox, '/v1/links/spring-2026', { original_url: 'https://example.com/b', is_active: false });
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ id: created.body.id, original_url: 'https://example.com/b', title: 'A', notes: 'keep me', is_active: false });
		expect(updated.body.created_at).toBe(created.body.created_at);
		expect(Date.parse(updated.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.body.updated_at));
		expect(sandbox.counts().links).toBe(61);
	});

	it('repeating the same PUT changes nothing, not even updated_at', async () => {
		const body = { original_url: 'https://example.com/same', title: 'Same' };
		const first = await put<Link>(sandbox, '/v1/links/same-code', body);
		await sleep(5);
		const second = await put<Link>(sandbox, '/v1/links/same-code', body);
		expect([first.status, second.status]).toEqual([201, 200]);
		expect(second.body).toEqual(first.body);
	});

	it('answers 409 for a code another workspace holds, leaving that link untouched (A6)', async () => {
		const [foreign] = sandbox.foreignCodes;
		const before = await get<Link>(sandbox, `/v1/links/${foreign}`, { key: sandbox.otherWorkspaceKey });
		expect(before.status).toBe(200);
		const reply = await put(sandbox, `/v1/links/${foreign}`, { original_url: 'https://example.com/steal' });
		expect(reply.status).toBe(409);
		expect(reply.body).toEqual({ error: 'short_code already taken' });
		expect((await get<Link>(sandbox, `/v1/links/${foreign}`, { key: sandbox.otherWorkspaceKey })).body).toEqual(before.body);
	});

	it.each(['ab', 'has space', 'dots.in.it', 'ünïcode'])('answers 400 for the invalid code %j (A7)', async (code) => {
		const reply = await put(sandbox, `/v1/links/${encodeURIComponent(code)}`, { original_url: 'https://example.com' });
		expect(reply.status).toBe(400);
		expect(reply.body.error).toMatch(/short_code/);
	});

	it('answers 400 without original_url and 422 for a blocked URL', async () => {
		expect((await put(sandbox, '/v1/links/abc-def', { title: 'no url' })).status).toBe(400);
		expect((await put(sandbox, '/v1/links/abc-def', { original_url: 'https://malware.test/' })).status).toBe(422);
		expect((await get(sandbox, '/v1/links/abc-def')).status).toBe(404);
	});
});

describe('GET, PATCH, DELETE /v1/links/{shortCode}', () => {
	it('answers 404 for an unknown code and for another workspace\'s code', async () => {
		expect((await get(sandbox, '/v1/links/nope00')).status).toBe(404);
		expect(await get(sandbox, `/v1/links/${sandbox.foreignCodes[0]}`)).toMatchObject({ status: 404, body: { error: 'Link not found' } });
		expect((await patch(sandbox, `/v1/links/${sandbox.foreignCodes[0]}`, { title: 'x' })).status).toBe(404);
		expect((await del(sandbox, `/v1/links/${sandbox.foreignCodes[0]}`)).status).toBe(404);
	});

	it('PATCH changes only the fields sent and can clear nullable ones', async () => {
		const list = await firstList();
		const link = (await post<Link>(sandbox, '/v1/links', { original_url: 'https://example.com/p', title: 'T', notes: 'N', list_id: list.id })).body;
		const reply = await patch<Link>(sandbox, `/v1/links/${link.short_code}`, { title: null, custom_domain: 'links.acme.test' });
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ ...link, title: null, custom_domain: 'links.acme.test', updated_at: reply.body.updated_at });
		const cleared = await patch<Link>(sandbox, `/v1/links/${link.short_code}`, { list_id: null, custom_domain: null, is_active: false });
		expect(cleared.body).toMatchObject({ list_id: null, custom_domain: null, is_active: false, notes: 'N' });
	});

	it('PATCH short_code renames: the old code is gone, the new one answers; 409 when taken; 422 when invalid', async () => {
		const [a, b] = await Promise.all([
			post<Link>(sandbox, '/v1/links', { original_url: 'https://example.com/a' }),
			post<Link>(sandbox, '/v1/links', { original_url: 'https://example.com/b' }),
		]);
		const renamed = await patch<Link>(sandbox, `/v1/links/${a.body.short_code}`, { short_code: 'renamed_1' });
		expect(renamed.status).toBe(200);
		expect(renamed.body).toMatchObject({ id: a.body.id, short_code: 'renamed_1' });
		expect((await get(sandbox, `/v1/links/${a.body.short_code}`)).status).toBe(404);
		expect((await get<Link>(sandbox, '/v1/links/renamed_1')).body.id).toBe(a.body.id);

		expect(await patch(sandbox, `/v1/links/${b.body.short_code}`, { short_code: 'renamed_1' })).toMatchObject({ status: 409, body: { error: 'short_code already taken' } });
		expect((await patch(sandbox, `/v1/links/${b.body.short_code}`, { short_code: sandbox.foreignCodes[0] })).status).toBe(409);
		for (const bad of ['ab', 'no spaces', 'a/b']) expect((await patch(sandbox, `/v1/links/${b.body.short_code}`, { short_code: bad })).status).toBe(422);
		// Renaming to its own code is no conflict; the freed old code can be taken by a PUT.
		expect((await patch(sandbox, `/v1/links/${b.body.short_code}`, { short_code: b.body.short_code })).status).toBe(200);
		expect((await put(sandbox, `/v1/links/${a.body.short_code}`, { original_url: 'https://example.com/reuse' })).status).toBe(201);
	});

	it('PATCH answers 422 for a blocked URL and for an unknown list (its documented validation status)', async () => {
		const link = (await post<Link>(sandbox, '/v1/links', { original_url: 'https://example.com/x' })).body;
		expect((await patch(sandbox, `/v1/links/${link.short_code}`, { original_url: 'https://x.evil.test/' })).status).toBe(422);
		expect((await patch(sandbox, `/v1/links/${link.short_code}`, { list_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(422);
		expect((await patch(sandbox, `/v1/links/${link.short_code}`, { is_active: 'yes' })).status).toBe(422);
		expect((await get<Link>(sandbox, `/v1/links/${link.short_code}`)).body).toEqual(link);
	});

	it('DELETE answers 200 {deleted: true}, then 404; the code stops redirecting and is free again', async () => {
		const link = (await put<Link>(sandbox, '/v1/links/gone-soon', { original_url: 'https://example.com/gone' })).body;
		expect((await get(sandbox, '/gone-soon')).status).toBe(302);
		const reply = await del<{ deleted: boolean }>(sandbox, '/v1/links/gone-soon');
		expect([reply.status, reply.body]).toEqual([200, { deleted: true }]);
		expect((await del(sandbox, '/v1/links/gone-soon')).status).toBe(404);
		expect((await get(sandbox, '/gone-soon')).status).toBe(404);
		const again = await put<Link>(sandbox, '/v1/links/gone-soon', { original_url: 'https://example.com/back' });
		expect(again.status).toBe(201);
		expect(again.body.id).not.toBe(link.id);
	});
});

describe('POST /v1/links/bulk', () => {
	it('creates the valid entries (201), skips and names the others, and returns counts only', async () => {
		const reply = await post(sandbox, '/v1/links/bulk', {
			links: [
				{ original_url: 'https://example.com/bulk/1', title: 'One' },
				{ original_url: 'https://malware.test/bad' },
				{ original_url: 'https://example.com/bulk/2', custom_domain: 'go.acme.test', notes: 'n' },
				{ original_url: 'https://example.com/bulk/3', custom_domain: 'unknown.example' },
				{ original_url: 'https://example.com/bulk/1' },
			],
		});
		expect(reply.status).toBe(201);
		expect(reply.body).toEqual({
			created: 3,
			skipped: 2,
			errors: [
				{ url: 'https://malware.test/bad', reason: 'URL failed safety checks' },
				{ url: 'https://example.com/bulk/3', reason: expect.stringContaining('unknown.example') },
			],
		});
		const created = (await get<{ data: Link[] }>(sandbox, '/v1/links?search=example.com%2Fbulk&limit=10')).body.data;
		expect(created.map((link) => link.original_url).sort()).toEqual(['https://example.com/bulk/1', 'https://example.com/bulk/1', 'https://example.com/bulk/2']);
		// One transaction: one timestamp, each with its own code (A13).
		expect(new Set(created.map((link) => link.created_at)).size).toBe(1);
		expect(new Set(created.map((link) => link.short_code)).size).toBe(3);
		expect(created.find((link) => link.title === 'One')).toBeDefined();
	});

	it('answers 400 for an empty or missing array and for more than 1 000 entries, creating nothing', async () => {
		expect(await post(sandbox, '/v1/links/bulk', { links: [] })).toMatchObject({ status: 400, body: { error: 'links array missing or empty' } });
		expect((await post(sandbox, '/v1/links/bulk', {})).status).toBe(400);
		const tooMany = Array.from({ length: 1001 }, (_, i) => ({ original_url: `https://example.com/${i}` }));
		expect((await post(sandbox, '/v1/links/bulk', { links: tooMany })).status).toBe(400);
		expect(sandbox.counts().links).toBe(60);
	});

	it('takes 1 000 entries at once', async () => {
		const links = Array.from({ length: 1000 }, (_, i) => ({ original_url: `https://example.com/k/${i}` }));
		expect((await post(sandbox, '/v1/links/bulk', { links })).body).toEqual({ created: 1000, skipped: 0, errors: [] });
		expect(sandbox.counts().links).toBe(1060);
	});

	it('answers 403 and creates none when the valid entries would exceed the plan limit', async () => {
		sandbox.setPlan({ planLinks: 62 });
		const three = [1, 2, 3].map((i) => ({ original_url: `https://example.com/over/${i}` }));
		expect(await post(sandbox, '/v1/links/bulk', { links: three })).toMatchObject({ status: 403, body: { error: 'Plan limit would be exceeded' } });
		expect(sandbox.counts().links).toBe(60);
		// Skipped entries do not count against the limit.
		const fits = [...three.slice(0, 2), { original_url: 'https://phishing.test/' }];
		expect((await post(sandbox, '/v1/links/bulk', { links: fits })).body).toMatchObject({ created: 2, skipped: 1 });
	});
});

describe('workspaces', () => {
	it('each key sees only its own workspace\'s links; codes are unique across both', async () => {
		const mine = await get<{ meta: { total: number } }>(sandbox, '/v1/links?limit=1');
		const theirs = await get<{ data: Link[]; meta: { total: number } }>(sandbox, '/v1/links', { key: sandbox.otherWorkspaceKey });
		expect(mine.body.meta.total).toBe(60);
		expect(theirs.body.data.map((link) => link.short_code).sort()).toEqual([...sandbox.foreignCodes].sort());
		const created = await post<Link>(sandbox, '/v1/links', { original_url: 'https://example.com/labs' }, { key: sandbox.otherWorkspaceKey });
		expect(created.status).toBe(201);
		expect((await get(sandbox, `/v1/links/${created.body.short_code}`)).status).toBe(404);
		expect((await put(sandbox, `/v1/links/${created.body.short_code}`, { original_url: 'https://example.com/mine' })).status).toBe(409);
	});
});
