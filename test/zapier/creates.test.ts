/** Every action through createAppTester against the sandbox: what it sends, what it hands on, what it refuses. */
import { collect, DERIVED_CODE_LENGTH } from '../../core';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { app, appRunner, failureOf, visit, type Item } from './support/app';
import { expectSameShape } from './support/shape';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;
let api: ReturnType<typeof realClient>['client'];

beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = appRunner(sandbox);
	api = realClient(sandbox.url, sandbox.apiKey).client;
});
afterAll(() => sandbox.stop());

const perform = (key: string) => `creates.${key}.operation.perform`;
const create = (key: string, inputData: Item) => run<Item>(perform(key), { inputData });
const sampleOf = (key: string) => app.creates[key].operation.sample;
let unique = 0;
const code = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${unique++}`;

async function aSegment() {
	const [segment] = await api.segments.list();
	return segment as { id: string; name: string };
}

describe('Create Link', () => {
	test('without a short code: one link under a code the app derives, handed on with its short URL, shaped like the sample', async () => {
		const before = sandbox.counts().links;
		const link = await create('create_link', { original_url: 'https://example.com/zap/plain', title: 'Plain' });
		expect(sandbox.counts().links).toBe(before + 1);
		expect(link).toMatchObject({ original_url: 'https://example.com/zap/plain', title: 'Plain', is_active: true, list_id: null, list_name: null });
		expect(String(link.short_code)).toHaveLength(DERIVED_CODE_LENGTH);
		expect(link.short_url).toBe(`https://uselinkkit.com/${link.short_code}`);
		expectSameShape(link, sampleOf('create_link'));
	});

	test('with a segment: the output carries the segment id and its name', async () => {
		const segment = await aSegment();
		const link = await create('create_link', { original_url: 'https://example.com/zap/in-segment', list_id: segment.id });
		expect(link).toMatchObject({ list_id: segment.id, list_name: segment.name });
	});

	test('with a campaign setting: its UTM values are written into the destination, replacing ones of the same name', async () => {
		const setting = await api.campaignSettings.create({ name: `Setting ${code('s')}`, utm_source: 'zapier', utm_medium: 'automation', utm_campaign: 'spring' });
		const link = await create('create_link', { original_url: 'https://example.com/zap/utm?utm_source=old&x=1', campaignSettingId: setting.id });
		const url = new URL(String(link.original_url));
		expect(Object.fromEntries(url.searchParams)).toEqual({ utm_source: 'zapier', x: '1', utm_medium: 'automation', utm_campaign: 'spring' });
	});

	test('with a short code of the user\'s own: created under it; the same create again returns that link; other details are refused', async () => {
		const shortCode = code('own');
		const input = { original_url: 'https://example.com/zap/own', short_code: shortCode, title: 'Own code' };
		const before = sandbox.counts().links;
		const first = await create('create_link', input);
		expect(first).toMatchObject({ short_code: shortCode, short_url: `https://uselinkkit.com/${shortCode}` });
		const again = await create('create_link', input);
		expect(again.id).toBe(first.id);
		expect(sandbox.counts().links).toBe(before + 1);
		const refused = await failureOf(create('create_link', { ...input, original_url: 'https://example.com/zap/someone-else' }));
		expect(refused.status).toBe(409);
		expect(refused.message).toMatch(new RegExp(`short code "${shortCode}" is already in use`));
		expect(sandbox.counts().links).toBe(before + 1);
	});

	test('optional fields left empty or mapped empty ("", spaces, null) count as not given', async () => {
		const link = await create('create_link', {
			original_url: 'https://example.com/zap/blanks',
			short_code: '',
			title: '   ',
			notes: null,
			list_id: '',
			custom_domain: null,
			expire_at: '',
			campaignSettingId: ' ',
		});
		expect(link).toMatchObject({ title: null, notes: null, list_id: null, custom_domain: null, expire_at: null });
		expect(String(link.short_code)).toHaveLength(DERIVED_CODE_LENGTH);
	});

	test.each([
		[{ original_url: 'not a url' }, /^Destination URL: "not a url" is not a full web address/],
		[{ original_url: 'https://example.com', short_code: 'a b' }, /^Short Code: /],
		[{ original_url: 'https://example.com', expire_at: '2001-01-01T00:00:00Z' }, /^Expires At: 2001-01-01T00:00:00Z is in the past/],
		[{ original_url: 'https://example.com', list_id: 'segment-one' }, /^Segment: /],
		[{ original_url: 'https://example.com', campaignSettingId: 'nope' }, /^Campaign Setting: /],
		[{ title: 'No destination' }, /^Destination URL: is required/],
	])('bad input %j is refused before any request, naming the field as labelled', async (inputData, message) => {
		sandbox.stats.clear();
		const error = await failureOf(create('create_link', inputData));
		expect(error.code).toBe('invalid_input');
		expect(error.message).toMatch(message);
		expect(error.message).toMatch(/Nothing was sent to Linkkit\.$/);
		expect(sandbox.stats.current().requests).toBe(0);
	});

	test('a destination that fails Linkkit\'s safety checks keeps Linkkit\'s status and message', async () => {
		const error = await failureOf(create('create_link', { original_url: 'https://malware.test/x' }));
		expect(error.status).toBe(422);
		expect(error.message).toMatch(/safety checks/);
	});
});

describe('Create or Update Link', () => {
	test('creates under the short code given, then changes that same link', async () => {
		const shortCode = code('upsert');
		const created = await create('create_or_update_link', { short_code: shortCode, original_url: 'https://example.com/zap/v1', title: 'First' });
		const updated = await create('create_or_update_link', { short_code: shortCode, original_url: 'https://example.com/zap/v2', title: 'Second', is_active: 'false' });
		expect(updated).toMatchObject({ id: created.id, short_code: shortCode, original_url: 'https://example.com/zap/v2', title: 'Second', is_active: false });
		expectSameShape(updated, sampleOf('create_or_update_link'));
	});

	test('a code another workspace holds is refused with Linkkit\'s 409', async () => {
		const error = await failureOf(create('create_or_update_link', { short_code: sandbox.foreignCodes[0], original_url: 'https://example.com/zap/taken' }));
		expect(error.status).toBe(409);
	});
});

describe('Update Link', () => {
	let link: Item;
	beforeEach(async () => {
		link = await create('create_link', { original_url: 'https://example.com/zap/to-update', title: 'Before', notes: 'Some notes', short_code: code('upd') });
	});

	test('only the fields filled in change; by short URL as well as by code', async () => {
		const updated = await create('update_link', { link: link.short_url, title: 'After', notes: '' });
		expect(updated).toMatchObject({ id: link.id, title: 'After', notes: 'Some notes', original_url: 'https://example.com/zap/to-update' });
		expectSameShape(updated, sampleOf('update_link'));
	});

	test('a new short code renames the link; the old code is gone', async () => {
		const renamed = code('renamed');
		const updated = await create('update_link', { link: link.short_code, short_code: renamed });
		expect(updated).toMatchObject({ id: link.id, short_code: renamed, short_url: `https://uselinkkit.com/${renamed}` });
		expect(await api.links.getOrNothing(String(link.short_code))).toBeUndefined();
	});

	test('Clear Fields empties the chosen fields; one both filled in and chosen is refused', async () => {
		const cleared = await create('update_link', { link: link.short_code, clear_fields: ['title', 'notes'] });
		expect(cleared).toMatchObject({ title: null, notes: null });
		const error = await failureOf(create('update_link', { link: link.short_code, title: 'X', clear_fields: ['title'] }));
		expect(error.message).toMatch(/^Title: is filled in and also chosen in Clear Fields/);
	});

	test('a campaign setting without a new destination is applied to the current one', async () => {
		const setting = await api.campaignSettings.create({ name: `Update ${code('s')}`, utm_source: 'crm' });
		const updated = await create('update_link', { link: link.short_code, campaignSettingId: setting.id });
		expect(updated.original_url).toBe('https://example.com/zap/to-update?utm_source=crm');
	});

	test('nothing to change is refused before any request; an unknown link keeps Linkkit\'s 404', async () => {
		sandbox.stats.clear();
		const nothing = await failureOf(create('update_link', { link: link.short_code, title: '' }));
		expect(nothing.message).toMatch(/^Nothing to change: give at least one field to change/);
		expect(sandbox.stats.current().requests).toBe(0);
		const missing = await failureOf(create('update_link', { link: 'no-such-link-here', title: 'X' }));
		expect(missing.status).toBe(404);
	});
});

describe('segments of a link', () => {
	test('Add Link to Segment puts it in (with the segment\'s name); Remove Link From Segment takes it out', async () => {
		const segment = await aSegment();
		const link = await create('create_link', { original_url: 'https://example.com/zap/segment-moves' });
		const added = await create('add_link_to_segment', { link: link.short_code, segmentId: segment.id });
		expect(added).toMatchObject({ id: link.id, list_id: segment.id, list_name: segment.name });
		expectSameShape(added, sampleOf('add_link_to_segment'));
		const removed = await create('remove_link_from_segment', { link: link.short_code });
		expect(removed).toMatchObject({ id: link.id, list_id: null, list_name: null });
		expectSameShape(removed, sampleOf('remove_link_from_segment'));
	});

	test('Add Link to Segment needs the segment', async () => {
		const error = await failureOf(create('add_link_to_segment', { link: 'abc123', segmentId: '' }));
		expect(error.message).toMatch(/^Segment: is required/);
	});
});

test('Delete Link deletes it; its short URL stops working', async () => {
	const link = await create('create_link', { original_url: 'https://example.com/zap/delete-me' });
	const deleted = await create('delete_link', { link: link.short_url });
	expect(deleted).toEqual({ short_code: link.short_code, deleted: true });
	expectSameShape(deleted, sampleOf('delete_link'));
	expect((await fetch(`${sandbox.url}/r/${link.short_code}`, { redirect: 'manual' })).status).toBe(404);
});

describe('named things', () => {
	test.each([
		['create_segment', 'lists', { name: `Zap segment ${Date.now()}`, color: '#112233' }],
		['create_campaign_setting', 'utmTemplates', { name: `Zap setting ${Date.now()}`, utm_source: 'zapier', utm_campaign: 'launch' }],
		['create_tag', 'tags', { name: `zap-tag-${Date.now()}`, color: '' }],
	] as Array<[string, 'lists' | 'utmTemplates' | 'tags', Item]>)('%s creates one, handed on with every field', async (key, counted, inputData) => {
		const before = sandbox.counts()[counted];
		const made = await create(key, inputData);
		expect(sandbox.counts()[counted]).toBe(before + 1);
		expect(made).toMatchObject({ name: inputData.name });
		expectSameShape(made, sampleOf(key));
	});

	test('Create QR Code points at the link\'s short URL', async () => {
		const link = await create('create_link', { original_url: 'https://example.com/zap/qr', custom_domain: 'go.acme.test' });
		const qr = await create('create_qr_code', { link: link.short_code, name: 'Poster', show_logo: 'no' });
		expect(qr).toMatchObject({ url: `https://go.acme.test/${link.short_code}`, name: 'Poster', show_logo: false });
		expectSameShape(qr, sampleOf('create_qr_code'));
	});
});

describe('tracking', () => {
	test('Track Lead with the click id from a visit is credited to that click and its link', async () => {
		const link = await create('create_link', { original_url: 'https://example.com/zap/landing', title: 'Landing' });
		const answer = await fetch(`${sandbox.url}/r/${link.short_code}`, { redirect: 'manual' });
		const lkclid = new URL(String(answer.headers.get('location'))).searchParams.get('lkclid');
		const lead = await create('track_lead', { customer_external_id: 'cus_lead_1', lkclid, event_name: 'Signup', metadata: { plan: 'pro' } });
		expect(lead).toMatchObject({
			type: 'lead',
			event_name: 'Signup',
			click_id: lkclid,
			link_id: link.id,
			link: { short_code: link.short_code, title: 'Landing', short_url: link.short_url },
			metadata: { plan: 'pro' },
		});
		expectSameShape(lead, sampleOf('track_lead'));
	});

	test('Track Sale records the amount in cents; an amount that is not whole cents is refused before sending', async () => {
		const sale = await create('track_sale', { customer_external_id: 'cus_sale_1', amount: 4999, currency: 'EUR', invoice_id: 'INV-1' });
		expect(sale).toMatchObject({ type: 'sale', amount: 4999, currency: 'eur', invoice_id: 'INV-1', link: null });
		expectSameShape(sale, sampleOf('track_sale'));
		const error = await failureOf(create('track_sale', { customer_external_id: 'cus_sale_1', amount: '49.99' }));
		expect(error.message).toMatch(/^Amount \(Cents\): "49.99" is not a whole number of cents/);
	});
});

test('the visit helper and the core agree: a click is recorded (used by the trigger suites)', async () => {
	const link = await create('create_link', { original_url: 'https://example.com/zap/visited' });
	await visit(sandbox, String(link.short_code));
	expect(await collect(api.analytics.clicks(String(link.short_code)))).toHaveLength(1);
});
