/** Analytics and Click operations of the Linkkit node against the sandbox's seeded clicks. */


import { resolveDateRange, type DatePreset } from '../../core';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { byId, nodeRunner, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.stop());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);

const DAY = 86_400_000;

/** The most-clicked link of the last 90 days, to scope by. */
async function busiestLink() {
	const top = await run({ resource: 'analytics', operation: 'getBreakdown', dimension: 'link', limit: 1, dateRange: 'last90Days' });
	return String(top.items[0].json.value);
}

describe('Analytics', () => {
	it('turns every date preset into the period the core defines', async () => {
		const presets: DatePreset[] = ['today', 'yesterday', 'last7Days', 'last30Days', 'last90Days', 'thisMonth', 'lastMonth'];
		for (const preset of presets) {
			const sent: SentRequest[] = [];
			const before = Date.now();
			const result = await run({ resource: 'analytics', operation: 'getSummary', dateRange: preset }, { sent });
			const query = Object.fromEntries(new URL(sent[0].url).searchParams);
			const expected = resolveDateRange(preset, before);
			const summary = result.items[0].json;
			expect(typeof summary.clicks).toBe('number');
			if (['yesterday', 'thisMonth', 'lastMonth', 'today'].includes(preset)) expect(query.from).toBe(expected.from);
			else expect(Date.parse(query.to) - Date.parse(query.from)).toBe(Date.parse(expected.to) - Date.parse(expected.from));
		}
	});

	it('counts the account, one link (by short URL too) and one segment, each within the other', async () => {
		const account = (await run({ resource: 'analytics', operation: 'getSummary', dateRange: 'last90Days' })).items[0].json;
		const linkId = await busiestLink();
		const link = (await run({ resource: 'analytics', operation: 'getSummary', dateRange: 'last90Days', scope: 'link', linkId: byId(linkId) })).items[0].json;
		expect(Number(account.clicks)).toBeGreaterThan(Number(link.clicks));
		expect(Number(link.clicks)).toBeGreaterThan(0);

		const linkObject = (await run({ resource: 'link', operation: 'get', linkId: byId(linkId) })).items[0].json;
		const byShortUrl = await run({
			resource: 'analytics',
			operation: 'getSummary',
			dateRange: 'last90Days',
			scope: 'link',
			linkId: { __rl: true, mode: 'shortUrl', value: linkObject.shortUrl },
		});
		expect(byShortUrl.items[0].json.clicks).toBe(link.clicks);

		const segments = await run({ resource: 'segment', operation: 'getMany', limit: 1 });
		const segmentId = String(segments.items[0].json.id);
		const inSegment = (await run({ resource: 'analytics', operation: 'getSummary', dateRange: 'last90Days', segmentId: byId(segmentId) })).items[0].json;
		expect(Number(inSegment.clicks)).toBeLessThan(Number(account.clicks));
	});

	it('a custom range uses From and To, and To before From is refused before sending', async () => {
		const to = new Date().toISOString();
		const from = new Date(Date.now() - 3 * DAY).toISOString();
		const result = await run({ resource: 'analytics', operation: 'getSummary', dateRange: 'custom', from, to });
		expect(result.items[0].json).toMatchObject({ from, to });

		const sent: SentRequest[] = [];
		const error = await run({ resource: 'analytics', operation: 'getSummary', dateRange: 'custom', from: to, to: from }, { sent }).catch((e: unknown) => e);
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect((error as Error).message).toBe('To: must be after From');
		expect(sent).toHaveLength(0);
	});

	it('timeseries gives one item per day, breakdown one item per value up to the limit', async () => {
		const series = await run({ resource: 'analytics', operation: 'getTimeseries', dateRange: 'last7Days', interval: 'day' });
		expect(series.items.length).toBeGreaterThanOrEqual(7);
		expect(series.items.length).toBeLessThanOrEqual(8);
		expect(series.items[0].json).toEqual({ start: expect.any(String), clicks: expect.any(Number), uniqueVisitors: expect.any(Number) });

		const breakdown = await run({ resource: 'analytics', operation: 'getBreakdown', dateRange: 'last90Days', dimension: 'country', limit: 3 });
		expect(breakdown.items).toHaveLength(3);
		expect(breakdown.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});
});

describe('Click → Get Many', () => {
	it('return all vs limit, and the country and device filters', async () => {
		const linkId = await busiestLink();
		const base = { resource: 'click', operation: 'getMany', dateRange: 'last90Days', scope: 'link', linkId: byId(linkId) };
		const summary = (await run({ resource: 'analytics', operation: 'getSummary', dateRange: 'last90Days', scope: 'link', linkId: byId(linkId) })).items[0].json;

		const all = await run({ ...base, returnAll: true });
		expect(all.items).toHaveLength(Number(summary.clicks));
		expect(new Set(all.items.map((i) => i.json.linkId))).toEqual(new Set([linkId]));

		const few = await run({ ...base, limit: 5 });
		expect(few.items.map((i) => i.json.id)).toEqual(all.items.slice(0, 5).map((i) => i.json.id));

		const country = String(all.items[0].json.country);
		const filtered = await run({ ...base, returnAll: true, filters: { country: country.toLowerCase(), device: all.items[0].json.device } });
		expect(filtered.items.length).toBeGreaterThan(0);
		expect(filtered.items.every((i) => i.json.country === country && i.json.device === all.items[0].json.device)).toBe(true);
	});
});
