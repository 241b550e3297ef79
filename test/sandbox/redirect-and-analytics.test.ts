/**
 * The short link (A4, A11, A30): a redirect answers 302 to original_url with `lkclid=<click id>` and records the
 * click; analytics serve the workspace totals (A17, A18) and a link's click events, newest first.
 */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { admin, allPages, get, patch, put, type Click, type Link, type Page } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const WINDOWS_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

async function visit(path: string, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(`${sandbox.url}${path}`, { redirect: 'manual', headers: { 'user-agent': WINDOWS_CHROME, ...headers } });
}

const clicksOf = async (code: string, query = '') => (await get<Page<Click>>(sandbox, `/v1/analytics/links/${code}?limit=100${query}`)).body;

describe('redirect', () => {
	it('answers 302 to original_url with lkclid appended, keeping the query and fragment, at /{code} and /r/{code}', async () => {
		await put(sandbox, '/v1/links/with-query', { original_url: 'https://shop.example.com/p?utm_source=x&q=a%20b#reviews' });
		await put(sandbox, '/v1/links/plain-url', { original_url: 'https://shop.example.com/plain' });
		const withQuery = await visit('/with-query');
		expect(withQuery.status).toBe(302);
		expect(withQuery.headers.get('location')).toMatch(/^https:\/\/shop\.example\.com\/p\?utm_source=x&q=a%20b&lkclid=[0-9a-f-]{36}#reviews$/);
		const plain = await visit('/r/plain-url');
		expect(plain.headers.get('location')).toMatch(/^https:\/\/shop\.example\.com\/plain\?lkclid=[0-9a-f-]{36}$/);
	});

	it('records the click the lkclid names: time, country and city from the test headers, device, browser, OS, referer', async () => {
		await put(sandbox, '/v1/links/clicked-1', { original_url: 'https://example.com/c' });
		const answer = await visit('/clicked-1', { 'user-agent': IPHONE, 'x-sandbox-country': 'de', 'x-sandbox-city': 'Berlin', referer: 'https://t.co/xyz' });
		const clickId = new URL(answer.headers.get('location')!).searchParams.get('lkclid');
		const { data, meta } = await clicksOf('clicked-1');
		expect(meta.total).toBe(1);
		expect(data[0]).toEqual({ id: clickId, clicked_at: expect.any(String), country: 'DE', city: 'Berlin', device: 'mobile', browser: 'Mobile Safari', os: 'iOS', referer: 'https://t.co/xyz' });
		expect(Math.abs(Date.parse(data[0].clicked_at) - Date.now())).toBeLessThan(10_000);
		await visit('/clicked-1');
		await visit('/clicked-1', { 'user-agent': GOOGLEBOT });
		const three = (await clicksOf('clicked-1')).data;
		expect(three.map((click) => [click.device, click.os, click.country])).toEqual([
			['bot', null, null],
			['desktop', 'Windows', null],
			['mobile', 'iOS', 'DE'],
		]);
	});

	it('answers 404 and records nothing for an unknown, inactive or expired link; HEAD records nothing', async () => {
		await put(sandbox, '/v1/links/inactive-1', { original_url: 'https://example.com/i', is_active: false });
		await put(sandbox, '/v1/links/expired-1', { original_url: 'https://example.com/e', expire_at: '2020-01-01T00:00:00Z' });
		await put(sandbox, '/v1/links/headed-1', { original_url: 'https://example.com/h' });
		for (const path of ['/nope-nope', '/inactive-1', '/r/expired-1']) expect((await visit(path)).status).toBe(404);
		expect((await fetch(`${sandbox.url}/headed-1`, { method: 'HEAD', redirect: 'manual' })).status).toBe(302);
		for (const code of ['inactive-1', 'expired-1', 'headed-1']) expect((await clicksOf(code)).meta.total).toBe(0);
		await patch(sandbox, '/v1/links/inactive-1', { is_active: true });
		expect((await visit('/inactive-1')).status).toBe(302);
	});

	it('redirects a code of any workspace (codes are global)', async () => {
		const answer = await visit(`/${sandbox.foreignCodes[0]}`);
		expect(answer.status).toBe(302);
		expect((await get<Page<Click>>(sandbox, `/v1/analytics/links/${sandbox.foreignCodes[0]}`, { key: sandbox.otherWorkspaceKey })).body.meta.total).toBe(1);
	});
});

describe('GET /v1/analytics/links/{shortCode}', () => {
	it('pages a link\'s seeded clicks newest first (ties by id), within from..to inclusive', async () => {
		const links = await allPages<Link>(sandbox, '/v1/links');
		let busiest = { code: '', total: 0 };
		for (const link of links) {
			const total = (await get<Page<Click>>(sandbox, `/v1/analytics/links/${link.short_code}?limit=1`)).body.meta.total;
			if (total > busiest.total) busiest = { code: link.short_code, total };
		}
		expect(busiest.total).toBeGreaterThan(20);
		const clicks = await allPages<Click>(sandbox, `/v1/analytics/links/${busiest.code}`, 9);
		expect(clicks).toHaveLength(busiest.total);
		for (let i = 1; i < clicks.length; i++) {
			const [a, b] = [clicks[i - 1], clicks[i]];
			expect(a.clicked_at > b.clicked_at || (a.clicked_at === b.clicked_at && a.id > b.id)).toBe(true);
		}
		// Spread over the last 90 days.
		expect(Date.now() - Date.parse(clicks[clicks.length - 1].clicked_at)).toBeLessThan(91 * 86_400_000);
		const from = clicks[Math.floor(clicks.length * 0.7)].clicked_at;
		const to = clicks[Math.floor(clicks.length * 0.2)].clicked_at;
		const within = await allPages<Click>(sandbox, `/v1/analytics/links/${busiest.code}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
		expect(within.map((c) => c.id)).toEqual(clicks.filter((c) => c.clicked_at >= from && c.clicked_at <= to).map((c) => c.id));
		expect(within[0].clicked_at).toBe(to);
		expect(within[within.length - 1].clicked_at).toBe(from);
	});

	it('answers 404 for an unknown code or another workspace\'s, and 400 for a bad date', async () => {
		expect(await get(sandbox, '/v1/analytics/links/nope00')).toMatchObject({ status: 404, body: { error: 'Link not found' } });
		expect((await get(sandbox, `/v1/analytics/links/${sandbox.foreignCodes[0]}`)).status).toBe(404);
		await put(sandbox, '/v1/links/dated-1', { original_url: 'https://example.com' });
		expect((await get(sandbox, '/v1/analytics/links/dated-1?from=yesterday')).status).toBe(400);
	});
});

describe('GET /v1/analytics/summary', () => {
	it('counts links created and clicks within from..to (all when no range), following every write', async () => {
		const links = await allPages<Link>(sandbox, '/v1/links');
		const all = (await get<{ total_links: number; total_clicks: number }>(sandbox, '/v1/analytics/summary')).body;
		expect(all.total_links).toBe(60);
		expect(all.total_clicks).toBe(sandbox.counts().clicks);
		expect(all.total_clicks).toBeGreaterThan(500);

		const from = links[40].created_at;
		const to = links[10].created_at;
		const ranged = (await get<{ total_links: number }>(sandbox, `/v1/analytics/summary?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).body;
		expect(ranged.total_links).toBe(links.filter((link) => link.created_at >= from && link.created_at <= to).length);

		await put(sandbox, '/v1/links/summary-1', { original_url: 'https://example.com/s' });
		for (let i = 0; i < 3; i++) await visit('/summary-1');
		const since = new Date(Date.now() - 60_000).toISOString();
		expect((await get(sandbox, `/v1/analytics/summary?from=${encodeURIComponent(since)}`)).body).toEqual({ total_links: 1, total_clicks: 3 });
		expect((await get(sandbox, '/v1/analytics/summary?to=2000-01-01T00:00:00Z')).body).toEqual({ total_links: 0, total_clicks: 0 });
		// The second workspace's totals are its own.
		expect((await get(sandbox, '/v1/analytics/summary', { key: sandbox.otherWorkspaceKey })).body).toEqual({ total_links: 3, total_clicks: 0 });
	});
});

describe('POST /__sandbox/clicks', () => {
	it('injects clicks by short_code, spread over a window, and stays fast for 100 000 clicks', async () => {
		await put(sandbox, '/v1/links/burst-1', { original_url: 'https://example.com/burst' });
		const started = Date.now();
		const result = await admin<{ clicks: number }>(sandbox, '/__sandbox/clicks', { short_code: 'burst-1', count: 100_000, spreadMs: 3_600_000 });
		expect(result.clicks).toBe(100_000);
		const firstPage = await get<Page<Click>>(sandbox, '/v1/analytics/links/burst-1?limit=100');
		const lastPage = await get<Page<Click>>(sandbox, '/v1/analytics/links/burst-1?limit=100&page=1000');
		expect(firstPage.body.meta.total).toBe(100_000);
		expect(lastPage.body.data).toHaveLength(100);
		expect(Date.now() - Date.parse(lastPage.body.data[99].clicked_at)).toBeGreaterThan(3_500_000);
		const summary = await get<{ total_clicks: number }>(sandbox, '/v1/analytics/summary');
		expect(summary.body.total_clicks).toBe(sandbox.counts().clicks);
		expect(Date.now() - started).toBeLessThan(5_000);
		await expect(admin(sandbox, '/__sandbox/clicks', { short_code: 'nope-nope', count: 1 })).rejects.toThrow(/404/);
		await expect(admin(sandbox, '/__sandbox/clicks', { short_code: 'burst-1', count: 0 })).rejects.toThrow(/400/);
	});
});
