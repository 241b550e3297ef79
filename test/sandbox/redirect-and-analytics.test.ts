/** The public redirect (segment routing, click recording) and the analytics reports that see those clicks. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { call, get, post, walk, type Click, type Link, type Page, type Segment } from './http';

let sandbox: RunningSandbox;

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const WINDOWS_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const visit = (path: string, headers: Record<string, string>) => call(sandbox, 'GET', path, { key: null, headers });

async function routedLink() {
	const segment = await post<Segment>(sandbox, '/v1/segments', {
		name: 'German phones',
		rules: [
			{ field: 'device', operator: 'is', value: 'mobile' },
			{ field: 'country', operator: 'is', value: 'DE' },
		],
	});
	const link = await post<Link>(sandbox, '/v1/links', {
		destination: 'https://example.com/default',
		slug: 'routed',
		segmentRoutes: [{ segmentId: segment.body.id, destination: 'https://example.com/de-mobile' }],
	});
	expect(link.status).toBe(201);
	return { segment: segment.body, link: link.body };
}

describe('redirect', () => {
	it('routes matching visitors to the segment destination and others to the link destination', async () => {
		const { link, segment } = await routedLink();
		const german = await visit('/r/routed', { 'User-Agent': IPHONE, 'X-Country': 'DE', 'X-City': 'Berlin', 'X-Visitor-Id': 'v1' });
		expect(german.status).toBe(302);
		expect(german.headers.get('location')).toBe('https://example.com/de-mobile');
		const desktop = await visit('/r/routed?domain=lnkk.it', {
			'User-Agent': WINDOWS_CHROME,
			'X-Country': 'DE',
			Referer: 'https://news.ycombinator.com/item?id=1',
			'X-Visitor-Id': 'v2',
		});
		expect(desktop.headers.get('location')).toBe('https://example.com/default');
		await visit('/r/routed', { 'User-Agent': IPHONE, 'X-Country': 'DE', 'X-Visitor-Id': 'v1' });

		expect((await get<Link>(sandbox, `/v1/links/${link.id}`)).body.clicks).toBe(3);
		const clicks = await walk<Click>(sandbox, `/v1/analytics/clicks?linkId=${link.id}`);
		expect(clicks).toHaveLength(3);
		const berlin = clicks.find((c) => c.city === 'Berlin')!;
		expect(berlin).toMatchObject({ country: 'DE', device: 'mobile', os: 'iOS', browser: 'Mobile Safari', referrer: null });
		expect(berlin.segmentIds).toContain(segment.id);
		const fromHn = clicks.find((c) => c.referrer === 'news.ycombinator.com')!;
		expect(fromHn).toMatchObject({ device: 'desktop', os: 'Windows', browser: 'Chrome', city: null });
		expect(fromHn.segmentIds).not.toContain(segment.id);
		// The seeded "Desktop" segment matches the desktop visitor too: segmentIds lists every match.
		const seededDesktop = (await walk<Segment>(sandbox, '/v1/segments?name=Desktop'))[0];
		expect(fromHn.segmentIds).toContain(seededDesktop.id);

		const summary = await get<{ clicks: number; uniqueVisitors: number }>(sandbox, `/v1/analytics/summary?linkId=${link.id}`);
		expect(summary.body).toMatchObject({ clicks: 3, uniqueVisitors: 2 });
		const bySegment = await get<{ clicks: number }>(sandbox, `/v1/analytics/summary?linkId=${link.id}&segmentId=${segment.id}`);
		expect(bySegment.body.clicks).toBe(2);
		const devices = await get<{ data: Array<{ value: string; clicks: number }> }>(
			sandbox,
			`/v1/analytics/breakdown?linkId=${link.id}&dimension=device`,
		);
		expect(devices.body.data).toEqual([
			{ value: 'mobile', clicks: 2, uniqueVisitors: 1 },
			{ value: 'desktop', clicks: 1, uniqueVisitors: 1 },
		]);
		const cities = await get<{ data: Array<{ value: string }> }>(sandbox, `/v1/analytics/breakdown?linkId=${link.id}&dimension=city`);
		expect(cities.body.data.map((g) => g.value)).toEqual(['unknown', 'Berlin']);
		const mobileOnly = await get<Page<Click>>(sandbox, `/v1/analytics/clicks?linkId=${link.id}&device=mobile`);
		expect(mobileOnly.body.data).toHaveLength(2);
	});

	it('answers 404 text for unknown and expired links and records nothing', async () => {
		const expired = await post<Link>(sandbox, '/v1/links', {
			destination: 'https://example.com/old',
			slug: 'expired',
			expiresAt: '2001-01-01T00:00:00Z',
		});
		const before = sandbox.counts().clicks;
		for (const path of ['/r/expired', '/r/never-made', '/r/routed?domain=go.acme-shop.com']) {
			const reply = await visit(path, { 'User-Agent': IPHONE });
			expect(reply.status).toBe(404);
			expect(reply.headers.get('content-type')).toContain('text/plain');
		}
		expect(sandbox.counts().clicks).toBe(before);
		expect((await get<Link>(sandbox, `/v1/links/${expired.body.id}`)).body.clicks).toBe(0);
	});
});

describe('analytics', () => {
	it('has realistic seeded clicks across the account', async () => {
		const summary = await get<{ clicks: number; uniqueVisitors: number; from: string; to: string }>(sandbox, '/v1/analytics/summary');
		expect(summary.body.clicks).toBeGreaterThan(50);
		expect(summary.body.uniqueVisitors).toBeLessThanOrEqual(summary.body.clicks);
		expect(Date.parse(summary.body.to) - Date.parse(summary.body.from)).toBe(30 * 24 * 3600 * 1000);
		const countries = await get<{ data: Array<{ value: string; clicks: number }> }>(sandbox, '/v1/analytics/breakdown?dimension=country');
		expect(countries.body.data.length).toBeGreaterThan(3);
		expect(countries.body.data.length).toBeLessThanOrEqual(10);
		const counts = countries.body.data.map((g) => g.clicks);
		expect([...counts].sort((a, b) => b - a)).toEqual(counts);
		const links = await get<{ data: Array<{ value: string }> }>(sandbox, '/v1/analytics/breakdown?dimension=link&limit=3');
		expect(links.body.data).toHaveLength(3);
		expect(links.body.data[0].value).toMatch(/^lnk_/);
	});

	it('returns UTC day buckets, oldest first, empty ones included', async () => {
		const reply = await get<{ data: Array<{ start: string; clicks: number }> }>(
			sandbox,
			`/v1/analytics/timeseries?interval=day&from=${encodeURIComponent('2026-01-01T10:00:00Z')}&to=${encodeURIComponent('2026-01-08T00:00:00Z')}`,
		);
		expect(reply.status).toBe(200);
		expect(reply.body.data.map((b) => b.start)).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => `2026-01-0${d}T00:00:00.000Z`));
		const weeks = await get<{ data: Array<{ start: string }> }>(sandbox, '/v1/analytics/timeseries?interval=week');
		expect(weeks.body.data.every((b) => new Date(b.start).getUTCDay() === 1)).toBe(true);
		const total = (await get<{ data: Array<{ clicks: number }> }>(sandbox, '/v1/analytics/timeseries?interval=hour')).body.data.reduce(
			(sum, b) => sum + b.clicks,
			0,
		);
		expect(total).toBe((await get<{ clicks: number }>(sandbox, '/v1/analytics/summary')).body.clicks);
	});

	it('refuses too many buckets, both linkId and campaignId, and unknown ids', async () => {
		const from = encodeURIComponent('2020-01-01T00:00:00Z');
		expect((await get(sandbox, `/v1/analytics/timeseries?interval=hour&from=${from}`)).status).toBe(400);
		const link = (await get<Page<Link>>(sandbox, '/v1/links?limit=1')).body.data[0];
		const both = await get(sandbox, `/v1/analytics/summary?linkId=${link.id}&campaignId=cmp_x`);
		expect(both.status).toBe(400);
		expect((await get(sandbox, '/v1/analytics/summary?linkId=lnk_unknown')).status).toBe(404);
		expect((await get(sandbox, '/v1/analytics/summary?campaignId=cmp_unknown')).status).toBe(404);
		expect((await get(sandbox, '/v1/analytics/breakdown')).status).toBe(400);
	});
});
