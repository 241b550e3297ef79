/** Cursor pagination over the 60-link seed, sorting with id tie-breaks, and the list filters. */
import { startTestSandbox, TEST_SEED_LINKS, type RunningSandbox } from '../support/sandbox';
import { get, post, walk, type Campaign, type Link, type Page, type Segment } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

/** Newest first, ties by id descending (the contract's default order). */
function isNewestFirst(links: Link[]): boolean {
	return links.every((link, i) => {
		if (i === 0) return true;
		const prev = links[i - 1];
		return prev.createdAt > link.createdAt || (prev.createdAt === link.createdAt && prev.id > link.id);
	});
}

describe('pagination', () => {
	it('walks every page without duplicates or gaps, newest first with id tie-breaks', async () => {
		const links = await walk<Link>(sandbox, '/v1/links?limit=7');
		expect(links).toHaveLength(TEST_SEED_LINKS);
		expect(new Set(links.map((l) => l.id)).size).toBe(TEST_SEED_LINKS);
		expect(isNewestFirst(links)).toBe(true);
		// The seed has links sharing a timestamp, so the tie-break really is exercised.
		const createdAts = links.map((l) => l.createdAt);
		expect(new Set(createdAts).size).toBeLessThan(createdAts.length);
	});

	it('defaults to 20 per page and sorts ascending on request', async () => {
		const first = await get<Page<Link>>(sandbox, '/v1/links');
		expect(first.body.data).toHaveLength(20);
		const ascending = await walk<Link>(sandbox, '/v1/links?limit=100&sort=createdAt');
		expect(ascending.map((l) => l.id)).toEqual((await walk<Link>(sandbox, '/v1/links?limit=9')).map((l) => l.id).reverse());
		const byUpdate = await walk<Link>(sandbox, '/v1/links?limit=13&sort=-updatedAt');
		expect(byUpdate.every((l, i) => i === 0 || byUpdate[i - 1].updatedAt >= l.updatedAt)).toBe(true);
	});

	it('keeps a cursor stable when links are created between pages', async () => {
		const page1 = await get<Page<Link>>(sandbox, '/v1/links?limit=10');
		await post(sandbox, '/v1/links', { destination: 'https://example.com/inserted' });
		const page2 = await get<Page<Link>>(sandbox, `/v1/links?limit=10&cursor=${page1.body.nextCursor}`);
		const all = await walk<Link>(sandbox, '/v1/links?limit=10');
		// Page 2 continues exactly where page 1 ended in the pre-insert order.
		expect(page2.body.data.map((l) => l.id)).toEqual(all.slice(11, 21).map((l) => l.id));
		expect(page2.body.data.some((l) => page1.body.data.some((p) => p.id === l.id))).toBe(false);
	});

	it('answers 400 for a garbled cursor', async () => {
		const reply = await get(sandbox, '/v1/links?cursor=not-a-cursor');
		expect(reply.status).toBe(400);
		expect(reply.body.error.details?.[0].field).toBe('cursor');
	});
});

describe('filters', () => {
	it('filters links by search, campaign, tag, domain and time', async () => {
		const all = await walk<Link>(sandbox, '/v1/links?limit=100');
		const withCampaign = all.find((l) => l.campaignId)!;
		const byCampaign = await walk<Link>(sandbox, `/v1/links?limit=100&campaignId=${withCampaign.campaignId}`);
		expect(byCampaign.length).toBe(all.filter((l) => l.campaignId === withCampaign.campaignId).length);

		const tagged = all.find((l) => l.tags.length > 0)!;
		const byTag = await walk<Link>(sandbox, `/v1/links?limit=100&tag=${tagged.tags[0]}`);
		expect(byTag.length).toBeGreaterThan(0);
		expect(byTag.every((l) => l.tags.includes(tagged.tags[0]))).toBe(true);

		const byDomain = await walk<Link>(sandbox, '/v1/links?limit=100&domain=go.acme-shop.com');
		expect(byDomain.length).toBe(all.filter((l) => l.domain === 'go.acme-shop.com').length);
		expect(byDomain.length).toBeGreaterThan(0);

		const bySearch = await walk<Link>(sandbox, `/v1/links?limit=100&search=${all[0].slug.toUpperCase()}`);
		expect(bySearch.map((l) => l.id)).toContain(all[0].id);

		const middle = all[30].createdAt;
		const after = await walk<Link>(sandbox, `/v1/links?limit=100&createdAfter=${encodeURIComponent(middle)}`);
		expect(after.every((l) => l.createdAt > middle)).toBe(true);
		const before = await walk<Link>(sandbox, `/v1/links?limit=100&createdBefore=${encodeURIComponent(middle)}`);
		expect(before.length + after.length).toBe(all.filter((l) => l.createdAt !== middle).length);
	});

	it('filters campaigns by status and exact name, and segments by name', async () => {
		const paused = await walk<Campaign>(sandbox, '/v1/campaigns?status=paused');
		expect(paused.length).toBeGreaterThan(0);
		expect(paused.every((c) => c.status === 'paused')).toBe(true);
		const named = await walk<Campaign>(sandbox, '/v1/campaigns?name=black%20friday%202026');
		expect(named.map((c) => c.name)).toEqual(['Black Friday 2026']);
		const searched = await walk<Campaign>(sandbox, '/v1/campaigns?search=sale');
		expect(searched.map((c) => c.name)).toEqual(['Spring Sale']);
		const segments = await walk<Segment>(sandbox, '/v1/segments?name=desktop');
		expect(segments.map((s) => s.name)).toEqual(['Desktop']);
	});
});
