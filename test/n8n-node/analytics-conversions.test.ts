/**
 * Analytics and conversions through n8n's engine against the sandbox. The clicks are made here — real visits of the
 * short links on the sandbox's own address, with the country, city and browser each visit carries — so breakdowns
 * and timeseries are checked against known numbers, not against the node's own reading of them.
 */

import type { IDataObject } from 'n8n-workflow';

import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { byCode, failureOf, nodeRunner } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox({ rateLimitHeaders: 'full' });
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
const api = () => realClient(sandbox.url, sandbox.apiKey).client;
const jsons = async (parameters: Record<string, unknown>, extra = {}): Promise<IDataObject[]> => (await run(parameters, extra)).items.map((item) => item.json);

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** One visit of the short link; returns the click ID Linkkit put on the destination (lkclid). */
async function visit(code: string, headers: Record<string, string> = {}): Promise<string> {
	const answer = await fetch(`${sandbox.url}/${code}`, { redirect: 'manual', headers });
	expect(answer.status).toBe(302);
	return new URL(answer.headers.get('location')!).searchParams.get('lkclid')!;
}

/** 3 visits from Berlin in Firefox on Linux, 2 from New York on an iPhone, 1 with nothing known. */
async function sixVisits(code: string): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < 3; i++) ids.push(await visit(code, { 'User-Agent': FIREFOX_LINUX, 'X-Sandbox-Country': 'de', 'X-Sandbox-City': 'Berlin', Referer: 'https://news.example.net/' }));
	for (let i = 0; i < 2; i++) ids.push(await visit(code, { 'User-Agent': SAFARI_IPHONE, 'X-Sandbox-Country': 'US', 'X-Sandbox-City': 'New York' }));
	ids.push(await visit(code, { 'User-Agent': '' }));
	return ids;
}

describe('Analytics', () => {
	it('Get Summary: the workspace totals over All Time are what the sandbox holds', async () => {
		const [summary] = await jsons({ resource: 'analytics', operation: 'getSummary', dateRange: 'all' });
		const counts = sandbox.counts();
		expect(summary).toEqual({ total_links: counts.links, total_clicks: counts.clicks });
		const [today] = await jsons({ resource: 'analytics', operation: 'getSummary', dateRange: 'today' });
		expect(today).toMatchObject({ from: expect.stringMatching(/T00:00:00\.000Z$/), to: expect.any(String), total_clicks: expect.any(Number) });
	});

	it('Get Link Clicks: the clicks made, newest first, each naming its link; Limit and Return All', async () => {
		await api().links.upsert('clicked', { original_url: 'https://example.com/clicked' });
		const ids = await sixVisits('clicked');
		const all = await jsons({ resource: 'analytics', operation: 'getLinkClicks', link: byCode('clicked'), dateRange: 'today', returnAll: true });
		expect(all.map((click) => click.id)).toEqual([...ids].reverse());
		expect(all[0]).toMatchObject({ short_code: 'clicked', country: null, device: null });
		expect(all[5]).toMatchObject({ country: 'DE', city: 'Berlin', browser: 'Firefox', os: 'Linux', device: 'desktop', referer: 'https://news.example.net/' });
		expect(await jsons({ resource: 'analytics', operation: 'getLinkClicks', link: byCode('clicked'), dateRange: 'today', limit: 2 })).toHaveLength(2);
	});

	it('Get Breakdown: counts and shares per country, device and browser, as the visits were; marked computed', async () => {
		await api().links.upsert('broken-down', { original_url: 'https://example.com/bd' });
		await sixVisits('broken-down');
		const breakdown = async (dimension: string) =>
			(await jsons({ resource: 'analytics', operation: 'getBreakdown', link: byCode('broken-down'), dimension, dateRange: 'last7Days' })).map((row) => [row.value, row.clicks, row.share]);
		expect(await breakdown('country')).toEqual([
			['DE', 3, 0.5],
			['US', 2, 0.3333],
			['(unknown)', 1, 0.1667],
		]);
		expect(await breakdown('device')).toEqual([
			['desktop', 3, 0.5],
			['mobile', 2, 0.3333],
			['(unknown)', 1, 0.1667],
		]);
		expect((await breakdown('browser')).map(([value, clicks]) => [value, clicks])).toEqual([
			['Firefox', 3],
			['Mobile Safari', 2],
			['(unknown)', 1],
		]);
		const [first] = await jsons({ resource: 'analytics', operation: 'getBreakdown', link: byCode('broken-down'), dimension: 'city', dateRange: 'all' });
		expect(first).toEqual({ short_code: 'broken-down', dimension: 'city', value: 'Berlin', clicks: 3, share: 0.5, total_clicks: 6, computed: true });
	});

	it('Get Breakdown of more clicks than one page holds reads them all (Linkkit’s CSV export of the clicks)', async () => {
		await api().links.upsert('popular', { original_url: 'https://example.com/popular' });
		sandbox.injectClicks('popular', 250);
		await sixVisits('popular');
		const rows = await jsons({ resource: 'analytics', operation: 'getBreakdown', link: byCode('popular'), dimension: 'country', dateRange: 'all' });
		expect(rows.map((row) => [row.value, row.clicks])).toEqual([
			['DE', 253],
			['US', 2],
			['(unknown)', 1],
		]);
		expect(sandbox.stats.current().byRoute['GET /feeds/clicks.csv']).toBe(1);
	});

	it('Get Timeseries: one item per period from From to To, empty periods included, the clicks in theirs', async () => {
		await api().links.upsert('over-time', { original_url: 'https://example.com/time' });
		// 8 clicks spread evenly over the last 4 days.
		sandbox.injectClicks('over-time', 8, { spreadMs: 4 * 86_400_000 });
		const clicks = await api().analytics.allClicks('over-time');
		const from = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
		const series = await jsons({ resource: 'analytics', operation: 'getTimeseries', link: byCode('over-time'), interval: 'day', dateRange: 'custom', from, to: new Date().toISOString() });
		expect(series).toHaveLength(7);
		expect(series.every((row) => row.computed === true && row.interval === 'day')).toBe(true);
		const expected = new Map<string, number>();
		for (const click of clicks.clicks) {
			const day = `${click.clicked_at!.slice(0, 10)}T00:00:00.000Z`;
			expected.set(day, (expected.get(day) ?? 0) + 1);
		}
		expect(series.map((row) => [row.period, row.clicks])).toEqual(series.map((row) => [row.period, expected.get(String(row.period)) ?? 0]));
		expect(series.reduce((sum, row) => sum + Number(row.clicks), 0)).toBe(8);
		expect(series.filter((row) => row.clicks === 0).length).toBeGreaterThanOrEqual(2);
		expect(series[0].period).toBe(`${from}T00:00:00.000Z`);
	});
});

describe('Conversion', () => {
	it('Track Lead (tied to a click by its lkclid) and Track Sale, with the publishable key; Get Many filters them', async () => {
		await api().links.upsert('converts', { original_url: 'https://shop.example.com/' });
		const [clickId] = await sixVisits('converts');
		const link = await api().links.get('converts');

		const [lead] = await jsons({
			resource: 'conversion',
			operation: 'trackLead',
			customerExternalId: 'cus_42',
			additionalFields: { lkclid: clickId, eventName: 'Trial Started', customerEmail: 'ada@example.com', metadata: '{"plan":"pro"}' },
		});
		expect(lead).toMatchObject({ type: 'lead', event_name: 'Trial Started', customer_external_id: 'cus_42', click_id: clickId, link_id: link.id, metadata: { plan: 'pro' } });

		const [sale] = await jsons({ resource: 'conversion', operation: 'trackSale', customerExternalId: 'cus_42', amount: 4999, additionalFields: { currency: 'EUR', invoiceId: 'inv_1' } });
		expect(sale).toMatchObject({ type: 'sale', amount: 4999, currency: 'eur', invoice_id: 'inv_1' });

		const mine = await jsons({ resource: 'conversion', operation: 'getMany', returnAll: true, filters: { customerExternalId: 'cus_42' } });
		expect(mine.map((c) => c.id)).toEqual([sale.id, lead.id]);
		const sales = await jsons({ resource: 'conversion', operation: 'getMany', returnAll: true, filters: { customerExternalId: 'cus_42', type: 'sale' } });
		expect(sales.map((c) => c.id)).toEqual([sale.id]);
		const byInvoice = await jsons({ resource: 'conversion', operation: 'getMany', returnAll: true, filters: { invoiceId: 'inv_1' }, dateRange: 'today' });
		expect(byInvoice.map((c) => c.id)).toEqual([sale.id]);
	});

	it('without a publishable key in the credential, tracking is refused before any request, naming it', async () => {
		const failure = await failureOf(
			nodeRunner({ url: sandbox.url, apiKey: sandbox.apiKey })({ resource: 'conversion', operation: 'trackLead', customerExternalId: 'cus_1' }),
		);
		expect(failure.message).toMatch(/^Publishable Key \(in the credential\): is needed to record leads and sales/);
		expect(sandbox.stats.current().requests).toBe(0);
	});

	it('a wrong publishable key: Linkkit’s 401 with its message', async () => {
		const failure = await failureOf(
			nodeRunner({ url: sandbox.url, apiKey: sandbox.apiKey, publishableKey: 'pk_test_wrong' })({ resource: 'conversion', operation: 'trackLead', customerExternalId: 'cus_1' }),
		);
		expect(failure).toMatchObject({ httpCode: '401', message: expect.stringMatching(/^Linkkit refused the publishable key — check the Publishable Key in the Linkkit credential/) });
		expect(String(failure.description)).toMatch(/Linkkit said: Invalid publishable key/);
	});
});
