/** Every search through createAppTester: what it finds, that it finds nothing without failing, and its shape. */
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { app, appRunner, failureOf, type Item } from './support/app';
import { expectOutputFieldsDescribe, expectSameShape } from './support/shape';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;
let api: ReturnType<typeof realClient>['client'];

beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = appRunner(sandbox);
	api = realClient(sandbox.url, sandbox.apiKey).client;
});
afterAll(() => sandbox.stop());

const search = (key: string, inputData: Item) => run<Item[]>(`searches.${key}.operation.perform`, { inputData });
const sampleOf = (key: string) => app.searches[key].operation.sample;
let link: Item;

beforeAll(async () => {
	link = await run<Item>('creates.create_link.operation.perform', {
		inputData: { original_url: 'https://example.com/search/target-page', title: 'Findable title', short_code: `find-${Date.now().toString(36)}` },
	});
});

describe('Find Link', () => {
	test.each([
		['its short code', () => link.short_code],
		['its short URL', () => link.short_url],
		['its short URL without https://', () => String(link.short_url).replace('https://', '')],
	])('by %s', async (_, value) => {
		const found = await search('find_link', { short_code: value() });
		expect(found).toEqual([link]);
		expectSameShape(found[0], sampleOf('find_link'));
	});

	test('by text in the destination or title (any case): the newest match', async () => {
		expect((await search('find_link', { search: 'FINDABLE TITLE' })).map((l) => l.id)).toEqual([link.id]);
		expect((await search('find_link', { search: 'target-page' })).map((l) => l.id)).toEqual([link.id]);
	});

	test('nothing found is an empty result, not an error', async () => {
		expect(await search('find_link', { short_code: 'no-such-code-anywhere' })).toEqual([]);
		expect(await search('find_link', { search: 'nothing matches this text' })).toEqual([]);
	});

	test('neither a short code nor a search text is refused before any request', async () => {
		sandbox.stats.clear();
		const error = await failureOf(search('find_link', { short_code: '', search: ' ' }));
		expect(error.message).toMatch(/^Short Code or Short URL: or Search Text is needed/);
		expect(sandbox.stats.current().requests).toBe(0);
	});
});

describe('Find Segment and Find Campaign Setting', () => {
	test('by name, ignoring case and spaces around it; an unknown name finds nothing', async () => {
		const [segment] = await api.segments.list();
		const found = await search('find_segment', { name: `  ${String(segment.name).toUpperCase()} ` });
		expect(found).toEqual([expect.objectContaining({ id: segment.id, name: segment.name })]);
		expectSameShape(found[0], sampleOf('find_segment'));
		expect(await search('find_segment', { name: 'No segment has this name' })).toEqual([]);

		const setting = await api.campaignSettings.create({ name: 'Findable setting', utm_source: 'search' });
		const settings = await search('find_campaign_setting', { name: 'findable setting' });
		expect(settings).toEqual([expect.objectContaining({ id: setting.id, utm_source: 'search' })]);
		expectSameShape(settings[0], sampleOf('find_campaign_setting'));
	});

	test('a name is required', async () => {
		const error = await failureOf(search('find_segment', { name: '' }));
		expect(error.message).toMatch(/^Name: /);
	});
});

describe('Find Conversion', () => {
	test('the newest conversion of a customer, or a sale by its invoice number', async () => {
		const customer = `cus_find_${Date.now()}`;
		await run('creates.track_lead.operation.perform', { inputData: { customer_external_id: customer } });
		const sale = await run<Item>('creates.track_sale.operation.perform', { inputData: { customer_external_id: customer, amount: 2500, invoice_id: `INV-${customer}` } });
		expect((await search('find_conversion', { customer_external_id: customer })).map((c) => c.id)).toEqual([sale.id]);
		const byInvoice = await search('find_conversion', { invoice_id: `INV-${customer}` });
		expect(byInvoice.map((c) => c.id)).toEqual([sale.id]);
		expectSameShape(byInvoice[0], sampleOf('find_conversion'));
		expect((await search('find_conversion', { customer_external_id: customer, type: 'lead' }))[0]).toMatchObject({ type: 'lead' });
		expect(await search('find_conversion', { customer_external_id: 'cus_nobody' })).toEqual([]);
	});

	test('neither a customer nor an invoice is refused before any request', async () => {
		const error = await failureOf(search('find_conversion', { type: 'sale' }));
		expect(error.message).toMatch(/^Customer ID: or Invoice ID is needed/);
	});
});

describe('Find Link Click Stats', () => {
	test('total clicks and a breakdown computed from the clicks, most first, with shares', async () => {
		sandbox.injectClicks(String(link.short_code), 6);
		for (let i = 0; i < 2; i++) {
			await fetch(`${sandbox.url}/r/${link.short_code}`, { redirect: 'manual', headers: { 'X-Sandbox-Country': 'US', 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' } });
		}
		const [stats] = await search('link_analytics', { link: link.short_url, dateRange: 'all', dimension: 'country' });
		expect(stats).toMatchObject({
			link_id: link.id,
			short_code: link.short_code,
			title: 'Findable title',
			total_clicks: 8,
			breakdown_by: 'country',
			top_value: 'DE',
			top_clicks: 6,
			breakdown: [
				{ value: 'DE', clicks: 6, share: 0.75 },
				{ value: 'US', clicks: 2, share: 0.25 },
			],
			computed: true,
		});
		expectSameShape(stats, sampleOf('link_analytics'));
	});

	test('the last 30 days by default; a custom period needs From', async () => {
		const [stats] = await search('link_analytics', { link: link.short_code });
		expect(Date.parse(String(stats.to)) - Date.parse(String(stats.from))).toBe(30 * 86_400_000);
		const error = await failureOf(search('link_analytics', { link: link.short_code, dateRange: 'custom' }));
		expect(error.message).toMatch(/^From: is required for a Custom date range/);
	});
});

test('every search is named Find … and its outputFields describe its sample', () => {
	for (const searchStep of Object.values(app.searches)) {
		expect(searchStep.display.label).toMatch(/^Find /);
		expectOutputFieldsDescribe(searchStep.operation.sample, searchStep.operation.outputFields as Array<{ key: string; type?: string }>);
	}
	for (const create of Object.values(app.creates)) {
		expectOutputFieldsDescribe(create.operation.sample, create.operation.outputFields as Array<{ key: string; type?: string }>);
	}
});
