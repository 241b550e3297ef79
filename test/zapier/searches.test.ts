import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { app, appRunner, failureOf, visit } from './support/app';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;
let link: Record<string, unknown>;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = appRunner(sandbox);
	link = await run('creates.create_link.operation.perform', { inputData: { destination: `https://example.com/find-${Date.now()}`, slug: `find-${Date.now()}` } });
});
afterAll(() => sandbox.stop());

type Item = Record<string, unknown>;
const search = (key: string) => `searches.${key}.operation.perform`;

describe('Find Link', () => {
	test('finds by short URL, by domain + slug and by destination', async () => {
		for (const inputData of [{ shortUrl: link.shortUrl }, { domain: link.domain, slug: link.slug }, { destination: link.destination }]) {
			const found = await run<Item[]>(search('find_link'), { inputData });
			expect(found.map((l) => l.id)).toEqual([link.id]);
		}
	});

	test('nothing found is an empty result (so search-or-create creates), and half a lookup is an input error', async () => {
		expect(await run(search('find_link'), { inputData: { destination: 'https://example.com/never-shortened' } })).toEqual([]);
		const half = await failureOf(run(search('find_link'), { inputData: { domain: 'lnkk.it' } }));
		expect(half.message).toMatch(/^Slug: is needed too/);
	});

	test('is paired with Create Link as Find or Create Link', () => {
		expect(app.searchOrCreates.find_link).toMatchObject({ search: 'find_link', create: 'create_link' });
		expect(app.searchOrCreates.find_campaign).toMatchObject({ search: 'find_campaign', create: 'create_campaign' });
	});
});

describe('Find Campaign and Find Segment', () => {
	test('find by name, case-insensitively, or return nothing', async () => {
		const name = `Findable ${Date.now()}`;
		const campaign = await run<Item>('creates.create_campaign.operation.perform', { inputData: { name } });
		expect((await run<Item[]>(search('find_campaign'), { inputData: { name: name.toUpperCase() } })).map((c) => c.id)).toEqual([campaign.id]);
		expect(await run(search('find_campaign'), { inputData: { name: 'No such campaign' } })).toEqual([]);
		const segment = await run<Item>('creates.create_segment.operation.perform', { inputData: { name, rules: [{ field: 'device', operator: 'is', value: 'desktop' }] } });
		expect((await run<Item[]>(search('find_segment'), { inputData: { name } })).map((s) => s.id)).toEqual([segment.id]);
		expect(await run(search('find_segment'), { inputData: { name: 'No such segment' } })).toEqual([]);
	});
});

describe('a search with nothing to search by never widens to any record', () => {
	test.each([
		['find_campaign', 'campaign'],
		['find_segment', 'segment'],
	])('%s refuses a blank, spaces-only or missing name before anything is sent', async (key, noun) => {
		// Nothing listens here: reaching Linkkit would fail differently from an input error.
		const authData = { apiKey: sandbox.apiKey, baseUrl: 'http://127.0.0.1:1' };
		for (const inputData of [{ name: '' }, { name: '   ' }, {}, { name: null }]) {
			const error = await failureOf(run(search(key), { authData, inputData }));
			expect(error).toMatchObject({ code: 'invalid_input', message: `Name: fill in the ${noun} name to search for. Nothing was sent to Linkkit.` });
		}
	});

	test('Find or Create Campaign with a blank name never hands on the newest campaign', async () => {
		// The newest campaign exists; a blank search used to return it, and Find or Create then skipped the create.
		await run<Item>('creates.create_campaign.operation.perform', { inputData: { name: `Newest ${Date.now()}` } });
		const error = await failureOf(run(search('find_campaign'), { inputData: { name: ' ' } }));
		expect(error.code).toBe('invalid_input');
	});

	test('Find Link with nothing filled in, or only spaces, is refused too', async () => {
		for (const inputData of [{}, { shortUrl: ' ', destination: '' }]) {
			const error = await failureOf(run(search('find_link'), { inputData }));
			expect(error.message).toMatch(/^Short URL: fill in the Short URL, or Domain and Slug, or the Destination URL to search by/);
		}
	});
});

describe('analytics', () => {
	test('Get Link Analytics counts clicks over a date range, as numbers with ISO dates', async () => {
		await visit(sandbox, String(link.slug));
		await visit(sandbox, String(link.slug));
		const [report] = await run<Item[]>(search('link_analytics'), { inputData: { linkId: link.id, dateRange: 'last7Days' } });
		expect(report).toMatchObject({ linkId: link.id, clicks: 2, segmentId: null });
		expect(typeof report.uniqueVisitors).toBe('number');
		expect(new Date(String(report.from)).toISOString()).toBe(report.from);
		expect(Date.parse(String(report.to)) - Date.parse(String(report.from))).toBeCloseTo(7 * 86_400_000, -5);
		const custom = await run<Item[]>(search('link_analytics'), { inputData: { linkId: link.id, dateRange: 'custom', from: '2020-01-01', to: '2020-01-02' } });
		expect(custom[0]).toMatchObject({ clicks: 0, from: '2020-01-01T00:00:00.000Z', to: '2020-01-02T00:00:00.000Z' });
	});

	test('Get Campaign Analytics sums the campaign\'s links, optionally for one segment', async () => {
		const campaign = await run<Item>('creates.create_campaign.operation.perform', { inputData: { name: `Analytics ${Date.now()}` } });
		const segment = await run<Item>('creates.create_segment.operation.perform', { inputData: { name: `Desktop ${Date.now()}`, rules: [{ field: 'device', operator: 'is', value: 'desktop' }] } });
		const inCampaign = await run<Item>('creates.create_link.operation.perform', { inputData: { destination: 'https://example.com/c', slug: `ca-${Date.now()}`, campaignId: campaign.id } });
		await visit(sandbox, String(inCampaign.slug)); // a phone
		await visit(sandbox, String(inCampaign.slug), { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36' });
		const [all] = await run<Item[]>(search('campaign_analytics'), { inputData: { campaignId: campaign.id, dateRange: 'today' } });
		expect(all).toMatchObject({ campaignId: campaign.id, clicks: 2 });
		const [desktop] = await run<Item[]>(search('campaign_analytics'), { inputData: { campaignId: campaign.id, segmentId: segment.id, dateRange: 'today' } });
		expect(desktop).toMatchObject({ clicks: 1, segmentId: segment.id });
	});

	test('Date Range shows From (required) and To only when Custom is chosen', () => {
		for (const key of ['link_analytics', 'campaign_analytics']) {
			const fields = app.searches[key].operation.inputFields as unknown[];
			expect(fields.find((f) => (f as Item).key === 'dateRange')).toMatchObject({ required: true, default: 'last30Days', altersDynamicFields: true });
			expect(fields.some((f) => ['from', 'to'].includes((f as Item).key as string))).toBe(false);
			const dynamic = fields.find((f) => typeof f === 'function') as (z: unknown, bundle: unknown) => Item[];
			expect(dynamic({}, { inputData: { dateRange: 'custom' } })).toMatchObject([
				{ key: 'from', label: 'From', required: true },
				{ key: 'to', label: 'To', required: false },
			]);
			expect(dynamic({}, { inputData: { dateRange: 'last7Days' } })).toEqual([]);
			expect(dynamic({}, { inputData: {} })).toEqual([]);
		}
	});

	test('dates beside a preset, or Custom without From, are refused before any request', async () => {
		// Nothing listens on this address: reaching Linkkit would fail differently from an input error.
		const authData = { apiKey: sandbox.apiKey, baseUrl: 'http://127.0.0.1:1' };
		const preset = await failureOf(run(search('link_analytics'), { authData, inputData: { linkId: link.id, dateRange: 'last7Days', from: '2020-01-01' } }));
		expect(preset.message).toBe('From: is used only with the Custom date range — choose Custom, or clear From and To. Nothing was sent to Linkkit.');
		const presetTo = await failureOf(run(search('campaign_analytics'), { authData, inputData: { campaignId: 'cmp_4h7d2k9w1z', dateRange: 'today', to: '2020-01-02' } }));
		expect(presetTo.message).toMatch(/^To: is used only with the Custom date range/);
		const noFrom = await failureOf(run(search('link_analytics'), { authData, inputData: { linkId: link.id, dateRange: 'custom', to: '2020-01-02' } }));
		expect(noFrom.message).toBe('From: is required for a Custom date range. Nothing was sent to Linkkit.');
	});

	test('an empty link never widens the report to the whole account', async () => {
		const error = await failureOf(run(search('link_analytics'), { inputData: { linkId: '', dateRange: 'last7Days' } }));
		expect(error.message).toMatch(/^Link: /);
	});
});
