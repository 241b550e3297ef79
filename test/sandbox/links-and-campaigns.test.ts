/** Link rules beyond the schema: campaign inheritance, slugs, updates, deletes, lookup, bulk; campaign/segment cascades. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { call, get, post, type Campaign, type Link, type Segment } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

async function newCampaign(body: Record<string, unknown>): Promise<Campaign> {
	const reply = await post<Campaign>(sandbox, '/v1/campaigns', body);
	expect(reply.status).toBe(201);
	return reply.body;
}

describe('links', () => {
	it('creates a link with a generated 7-character slug on the default domain and a full utm', async () => {
		const reply = await post<Link>(sandbox, '/v1/links', { destination: 'https://example.com/new' });
		expect(reply.status).toBe(201);
		expect(reply.body.slug).toMatch(/^[A-Za-z0-9]{7}$/);
		expect(reply.body.domain).toBe('lnkk.it');
		expect(reply.body.shortUrl).toBe(`https://lnkk.it/${reply.body.slug}`);
		expect(reply.body.utm).toEqual({ source: null, medium: null, campaign: null, term: null, content: null });
		expect((await get<Link>(sandbox, `/v1/links/${reply.body.id}`)).body).toEqual(reply.body);
	});

	it('inherits the campaign UTM values not given and its default domain', async () => {
		const campaign = await newCampaign({
			name: 'Inherit',
			defaultDomain: 'go.acme-shop.com',
			utm: { source: 'newsletter', medium: 'email', campaign: 'inherit' },
		});
		expect(campaign).toMatchObject({ status: 'active', linkCount: 0 });
		const link = await post<Link>(sandbox, '/v1/links', {
			destination: 'https://example.com/c',
			campaignId: campaign.id,
			utm: { medium: 'social', term: 'shoes' },
		});
		expect(link.body.domain).toBe('go.acme-shop.com');
		expect(link.body.utm).toEqual({ source: 'newsletter', medium: 'social', campaign: 'inherit', term: 'shoes', content: null });
		expect((await get<Campaign>(sandbox, `/v1/campaigns/${campaign.id}`)).body.linkCount).toBe(1);
	});

	it('answers 409 naming the slug when it is taken on the same domain, but allows it on another', async () => {
		await post(sandbox, '/v1/links', { destination: 'https://example.com/1', slug: 'summer' });
		const taken = await post(sandbox, '/v1/links', { destination: 'https://example.com/2', slug: 'summer' });
		expect(taken.status).toBe(409);
		expect(taken.body.error.code).toBe('conflict');
		expect(taken.body.error.message).toContain('summer');
		const other = await post(sandbox, '/v1/links', { destination: 'https://example.com/3', slug: 'summer', domain: 'go.acme-shop.com' });
		expect(other.status).toBe(201);
	});

	it('merges a PATCH: null clears, utm merges per key', async () => {
		const created = await post<Link>(sandbox, '/v1/links', {
			destination: 'https://example.com/p',
			title: 'Title',
			utm: { source: 'a', medium: 'b' },
		});
		const patched = await call<Link>(sandbox, 'PATCH', `/v1/links/${created.body.id}`, {
			body: { title: null, utm: { medium: null, term: 't' }, slug: 'renamed' },
		});
		expect(patched.status).toBe(200);
		expect(patched.body.title).toBeNull();
		expect(patched.body.utm).toEqual({ source: 'a', medium: null, campaign: null, term: 't', content: null });
		expect(patched.body.shortUrl).toBe('https://lnkk.it/renamed');
		expect(patched.body.destination).toBe('https://example.com/p');
	});

	it('deletes with 204 and an empty body, then 404s', async () => {
		const created = await post<Link>(sandbox, '/v1/links', { destination: 'https://example.com/d' });
		const deleted = await call(sandbox, 'DELETE', `/v1/links/${created.body.id}`);
		expect(deleted.status).toBe(204);
		expect(deleted.text).toBe('');
		expect((await get(sandbox, `/v1/links/${created.body.id}`)).status).toBe(404);
	});

	it('looks a link up by shortUrl, by domain + slug, or by destination (newest wins)', async () => {
		const older = await post<Link>(sandbox, '/v1/links', { destination: 'https://example.com/same', slug: 'older' });
		const newer = await post<Link>(sandbox, '/v1/links', { destination: 'https://example.com/same', slug: 'newer' });
		const byUrl = await get<Link>(sandbox, `/v1/links/lookup?shortUrl=${encodeURIComponent(older.body.shortUrl)}`);
		expect(byUrl.body.id).toBe(older.body.id);
		const bySlug = await get<Link>(sandbox, '/v1/links/lookup?domain=lnkk.it&slug=newer');
		expect(bySlug.body.id).toBe(newer.body.id);
		const byDestination = await get<Link>(sandbox, `/v1/links/lookup?destination=${encodeURIComponent('https://example.com/same')}`);
		expect([newer.body.id, older.body.id]).toContain(byDestination.body.id);
		expect(byDestination.body.createdAt >= older.body.createdAt).toBe(true);
		expect((await get(sandbox, '/v1/links/lookup?domain=lnkk.it&slug=nope')).status).toBe(404);
		expect((await get(sandbox, '/v1/links/lookup')).status).toBe(400);
		expect((await get(sandbox, '/v1/links/lookup?slug=newer')).status).toBe(400);
		expect((await get(sandbox, `/v1/links/lookup?slug=newer&domain=lnkk.it&destination=https%3A%2F%2Fx.io`)).status).toBe(400);
	});

	it('bulk-creates with per-entry results in input order', async () => {
		await post(sandbox, '/v1/links', { destination: 'https://example.com/t', slug: 'taken' });
		const reply = await post<{ data: Array<{ index: number; link?: Link; error?: { code: string; details?: Array<{ field: string }> } }> }>(
			sandbox,
			'/v1/links/bulk',
			{
				links: [
					{ destination: 'https://example.com/ok-1' },
					{ destination: 'not a url' },
					{ destination: 'https://example.com/dup', slug: 'taken' },
					{ destination: 'https://example.com/ok-2', campaignId: 'cmp_nope' },
					{ destination: 'https://example.com/ok-3', tags: ['bulk'] },
				],
			},
		);
		expect(reply.status).toBe(200);
		expect(reply.body.data.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
		expect(reply.body.data[0].link?.destination).toBe('https://example.com/ok-1');
		expect(reply.body.data[1].error).toMatchObject({ code: 'validation_failed', details: [{ field: 'destination' }] });
		expect(reply.body.data[2].error?.code).toBe('conflict');
		expect(reply.body.data[3].error).toMatchObject({ code: 'validation_failed', details: [{ field: 'campaignId' }] });
		expect(reply.body.data[4].link?.tags).toEqual(['bulk']);
		expect((await get(sandbox, '/v1/links/lookup?domain=lnkk.it&slug=taken')).status).toBe(200);
		const tooMany = await post(sandbox, '/v1/links/bulk', { links: Array.from({ length: 101 }, () => ({ destination: 'https://e.com' })) });
		expect(tooMany.status).toBe(422);
	});
});

describe('campaigns and segments', () => {
	it('refuses a second campaign with the same name in another case', async () => {
		await newCampaign({ name: 'Autumn' });
		const reply = await post(sandbox, '/v1/campaigns', { name: 'AUTUMN' });
		expect(reply.status).toBe(409);
	});

	it('keeps the links of a deleted campaign, without their campaign', async () => {
		const campaign = await newCampaign({ name: 'Short-lived' });
		const link = await post<Link>(sandbox, '/v1/links', { destination: 'https://example.com/k', campaignId: campaign.id });
		expect((await call(sandbox, 'DELETE', `/v1/campaigns/${campaign.id}`)).status).toBe(204);
		expect((await get<Link>(sandbox, `/v1/links/${link.body.id}`)).body.campaignId).toBeNull();
	});

	it('defaults segment match to all and removes link routes to a deleted segment', async () => {
		const segment = await post<Segment>(sandbox, '/v1/segments', {
			name: 'French',
			rules: [{ field: 'country', operator: 'is', value: 'FR' }],
		});
		expect(segment.body.match).toBe('all');
		const link = await post<Link>(sandbox, '/v1/links', {
			destination: 'https://example.com/s',
			segmentRoutes: [{ segmentId: segment.body.id, destination: 'https://example.com/fr' }],
		});
		expect(link.body.segmentRoutes).toHaveLength(1);
		expect((await call(sandbox, 'DELETE', `/v1/segments/${segment.body.id}`)).status).toBe(204);
		expect((await get<Link>(sandbox, `/v1/links/${link.body.id}`)).body.segmentRoutes).toEqual([]);
	});
});
