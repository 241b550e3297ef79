/**
 * Lists, tags, UTM templates and QR codes (CRUD, orders), domains (read only, DNS records by id), workspaces,
 * /v1/auth/test and /health.
 */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { allPages, del, get, patch, post, put, type All, type Link, type List, type Page, type QrCode, type Tag, type UtmTemplate, type Workspace } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe.each([
	['/v1/lists', { name: 'Launch', color: '#123456' }, { name: 'Launch 2' }, 'List not found'],
	['/v1/tags', { name: 'launch', color: null }, { color: '#ABCDEF' }, 'Tag not found'],
	['/v1/utm-templates', { name: 'Autumn', utm_source: 'newsletter', utm_medium: 'email' }, { utm_campaign: 'autumn', utm_source: null }, 'UTM template not found'],
] as const)('%s', (path, input, update, notFoundMessage) => {
	it('creates (201), gets, updates only the fields sent, deletes ({deleted: true}), then 404s', async () => {
		const created = await post<Record<string, unknown>>(sandbox, path, input);
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ ...input, id: expect.stringMatching(UUID), created_at: expect.any(String) });
		const id = created.body.id as string;
		expect((await get(sandbox, `${path}/${id}`)).body).toEqual(created.body);
		const updated = await patch<Record<string, unknown>>(sandbox, `${path}/${id}`, update);
		expect(updated.status).toBe(200);
		expect(updated.body).toEqual({ ...created.body, ...update });
		expect((await get(sandbox, `${path}/${id}`)).body).toEqual(updated.body);
		expect(await del(sandbox, `${path}/${id}`)).toMatchObject({ status: 200, body: { deleted: true } });
		for (const reply of [await get(sandbox, `${path}/${id}`), await patch(sandbox, `${path}/${id}`, update), await del(sandbox, `${path}/${id}`)]) {
			expect([reply.status, reply.body]).toEqual([404, { error: notFoundMessage }]);
		}
	});

	it('lists everything by name, ties by created_at, as {data, meta: {total}}', async () => {
		await post(sandbox, path, { ...input, name: 'AAA first' });
		await post(sandbox, path, { ...input, name: 'AAA first' });
		const reply = await get<All<{ name: string; created_at: string }>>(sandbox, path);
		expect(reply.status).toBe(200);
		expect(Object.keys(reply.body.meta)).toEqual(['total']);
		expect(reply.body.meta.total).toBe(reply.body.data.length);
		const keys = reply.body.data.map((item) => [item.name, item.created_at]);
		expect(keys).toEqual([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
		expect(reply.body.data[0].name).toBe('AAA first');
	});

	it('answers 400 without a name or for an id that is not a UUID, 404 for an unknown one', async () => {
		expect(await post(sandbox, path, { color: '#000000' })).toMatchObject({ status: 400, body: { error: 'name is required' } });
		expect((await get(sandbox, `${path}/not-a-uuid`)).status).toBe(400);
		expect((await get(sandbox, `${path}/${NO_SUCH_ID}`)).status).toBe(404);
	});
});

it('the seed has lists, tags and UTM templates with realistic names', async () => {
	const names = async (path: string) => (await get<All<{ name: string }>>(sandbox, path)).body.data.map((item) => item.name);
	expect(await names('/v1/lists')).toEqual(expect.arrayContaining(['Newsletter', 'Product Hunt Links']));
	expect(await names('/v1/tags')).toEqual(expect.arrayContaining(['marketing', 'promo']));
	expect(await names('/v1/utm-templates')).toEqual(expect.arrayContaining(['Summer Campaign']));
	const template = (await get<All<UtmTemplate>>(sandbox, '/v1/utm-templates')).body.data.find((t) => t.name === 'Summer Campaign');
	expect(template).toMatchObject({ utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'summer-sale' });
});

it('deleting a list keeps its links, out of any list (A12)', async () => {
	const list = (await post<List>(sandbox, '/v1/lists', { name: 'Temporary' })).body;
	const link = (await put<Link>(sandbox, '/v1/links/in-list', { original_url: 'https://example.com/l', list_id: list.id })).body;
	expect((await get<Page<Link>>(sandbox, `/v1/links?list_id=${list.id}`)).body.meta.total).toBe(1);
	await del(sandbox, `/v1/lists/${list.id}`);
	expect((await get<Link>(sandbox, '/v1/links/in-list')).body).toEqual({ ...link, list_id: null });
});

it('lists and tags belong to their workspace', async () => {
	const tag = (await post<Tag>(sandbox, '/v1/tags', { name: 'mine' })).body;
	expect((await get(sandbox, `/v1/tags/${tag.id}`, { key: sandbox.otherWorkspaceKey })).status).toBe(404);
	expect((await get<All<Tag>>(sandbox, '/v1/tags', { key: sandbox.otherWorkspaceKey })).body).toEqual({ data: [], meta: { total: 0 } });
});

describe('/v1/qr-codes', () => {
	it('creates with defaults (black, no logo), gets, updates, deletes', async () => {
		const created = await post<QrCode>(sandbox, '/v1/qr-codes', { url: 'https://uselinkkit.com/abc123' });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({
			id: expect.stringMatching(UUID),
			url: 'https://uselinkkit.com/abc123',
			name: null,
			color: '#000000',
			show_logo: false,
			logo_url: null,
			created_at: expect.any(String),
		});
		const updated = await patch<QrCode>(sandbox, `/v1/qr-codes/${created.body.id}`, { color: '#1D4ED8', show_logo: true, logo_url: 'https://acme.test/logo.png' });
		expect(updated.body).toEqual({ ...created.body, color: '#1D4ED8', show_logo: true, logo_url: 'https://acme.test/logo.png' });
		expect((await del(sandbox, `/v1/qr-codes/${created.body.id}`)).body).toEqual({ deleted: true });
		expect((await get(sandbox, `/v1/qr-codes/${created.body.id}`)).status).toBe(404);
		expect((await post(sandbox, '/v1/qr-codes', { name: 'no url' })).body).toEqual({ error: 'url is required' });
		expect((await post(sandbox, '/v1/qr-codes', { url: 'not a url' })).status).toBe(400);
	});

	it('pages newest first, with {page, limit, total}', async () => {
		const newest = (await post<QrCode>(sandbox, '/v1/qr-codes', { url: 'https://uselinkkit.com/newest-qr', name: 'Newest' })).body;
		const first = await get<Page<QrCode>>(sandbox, '/v1/qr-codes?limit=2');
		expect(first.body.meta).toEqual({ page: 1, limit: 2, total: expect.any(Number) });
		expect(first.body.meta.total).toBeGreaterThan(2);
		expect(first.body.data[0]).toEqual(newest);
		const every = await allPages<QrCode>(sandbox, '/v1/qr-codes', 2);
		expect(every).toHaveLength(first.body.meta.total);
		const times = every.map((qr) => qr.created_at);
		expect(times).toEqual([...times].sort().reverse());
		// The seed's QR codes point at seeded links' short URLs (A4).
		expect(every.filter((qr) => /^https:\/\/(uselinkkit\.com|go\.acme\.test)\/[A-Za-z0-9]{6}$/.test(qr.url)).length).toBe(every.length - 1);
	});
});

describe('/v1/domains (read only)', () => {
	it('lists the workspace\'s domains newest first; one by id carries its DNS records', async () => {
		const list = await get<All<{ id: string; domain: string; is_verified: boolean; created_at: string }>>(sandbox, '/v1/domains');
		expect(list.status).toBe(200);
		expect(list.body.data.map((d) => [d.domain, d.is_verified])).toEqual([
			['links.acme.test', false],
			['go.acme.test', true],
		]);
		expect(list.body.meta).toEqual({ total: 2 });
		expect(Object.keys(list.body.data[0]).sort()).toEqual(['created_at', 'domain', 'id', 'is_verified']);
		const detail = await get<Record<string, unknown>>(sandbox, `/v1/domains/${list.body.data[1].id}`);
		expect(detail.body).toEqual({
			...list.body.data[1],
			cname_name: 'go',
			cname_value: 'cname.uselinkkit.com',
			txt_name: '_linkkit.go',
			txt_value: expect.stringMatching(/^linkkit-verify=[0-9a-f]+$/),
		});
		expect((await get(sandbox, `/v1/domains/${NO_SUCH_ID}`)).body).toEqual({ error: 'Domain not found' });
		expect((await get(sandbox, '/v1/domains', { key: sandbox.otherWorkspaceKey })).body).toEqual({ data: [], meta: { total: 0 } });
	});

	it('has no write endpoints', async () => {
		expect((await post(sandbox, '/v1/domains', { domain: 'new.acme.test' })).status).toBe(404);
	});
});

describe('who the key is', () => {
	it('/v1/auth/test names the user and the key\'s own workspace', async () => {
		const mine = await get<Record<string, unknown>>(sandbox, '/v1/auth/test');
		expect(mine.body).toEqual({ user_id: expect.stringMatching(UUID), workspace_id: sandbox.workspaceId, email: 'alex@acme.test', name: 'Alex Demo' });
		const theirs = await get<Record<string, unknown>>(sandbox, '/v1/auth/test', { key: sandbox.otherWorkspaceKey, via: 'x-api-key' });
		expect(theirs.body).toEqual({ ...mine.body, workspace_id: sandbox.otherWorkspaceId });
		expect((await get(sandbox, '/v1/auth/test', { key: 'lk_test_wrong' })).status).toBe(401);
	});

	it('/v1/workspaces lists both workspaces of the user with role and plan', async () => {
		const reply = await get<All<Workspace>>(sandbox, '/v1/workspaces');
		expect(reply.body.meta).toEqual({ total: 2 });
		expect(reply.body.data.map((w) => [w.id, w.name, w.slug, w.role, w.plan])).toEqual([
			[sandbox.workspaceId, 'Acme Inc', 'acme-inc', 'owner', 'pro'],
			[sandbox.otherWorkspaceId, 'Acme Labs', 'acme-labs', 'member', 'pro'],
		]);
		sandbox.setPlan({ plan: 'free' });
		expect((await get<All<Workspace>>(sandbox, '/v1/workspaces')).body.data[0].plan).toBe('free');
	});

	it('/health answers without a key and is not rate limited', async () => {
		sandbox.setRateLimit(1, 1);
		for (let i = 0; i < 3; i++) {
			const reply = await get(sandbox, '/health', { key: null });
			expect([reply.status, reply.body]).toEqual([200, { status: 'ok' }]);
		}
	});
});
