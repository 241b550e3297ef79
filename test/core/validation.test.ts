import {
	analyticsQuery,
	buildCampaignCreate,
	buildLinkCreate,
	buildLinkUpdate,
	buildSegmentCreate,
	createLinkkitClient,
	LinkkitError,
	normaliseBaseUrl,
	resolveDateRange,
	validateIsoDate,
	validateSlug,
	validateTags,
	validateUrl,
} from '../../core';
import { FakePort } from '../support/fake-port';

function fieldOf(fn: () => unknown): { field?: string; message: string } {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(LinkkitError);
		const e = error as LinkkitError;
		expect(e.code).toBe('invalid_input');
		return { field: e.field, message: e.message };
	}
	throw new Error('expected a validation error');
}

describe('URL validation', () => {
	it.each([
		['https://example.com/page?x=1', 'https://example.com/page?x=1'],
		['  http://example.com  ', 'http://example.com'],
	])('accepts %s', (input, expected) => expect(validateUrl('destination', input)).toBe(expected));

	it.each([
		['javascript:alert(1)', /only http:\/\/ and https:\/\/.*javascript:/],
		['ftp://example.com/file', /only http:\/\/ and https:\/\/.*ftp:/],
		['example.com', /not a full web address/],
		['https://exa mple.com', /must not contain spaces/],
		['https://example.com/a b', /must not contain spaces/],
		// Not a web address at all: say that, not "no spaces".
		['not a url', /^destination: "not a url" is not a full web address — it must start with http:\/\/ or https:\/\//],
		['', /is required/],
		[`https://example.com/${'a'.repeat(2048)}`, /at most 2048/],
	])('refuses %s naming the field', (input, message) => {
		const error = fieldOf(() => validateUrl('destination', input));
		expect(error.field).toBe('destination');
		expect(error.message).toMatch(message);
	});
});

describe('other fields', () => {
	it('checks slugs', () => {
		expect(validateSlug('slug', 'black-friday_26')).toBe('black-friday_26');
		expect(fieldOf(() => validateSlug('slug', '')).message).toMatch(/cannot be empty/);
		expect(fieldOf(() => validateSlug('slug', '   ')).message).toMatch(/only spaces/);
		expect(fieldOf(() => validateSlug('slug', 'no/slashes')).message).toMatch(/only letters, digits/);
		expect(fieldOf(() => validateSlug('slug', 'x'.repeat(65))).field).toBe('slug');
	});

	it('normalises ISO dates and refuses others', () => {
		expect(validateIsoDate('expiresAt', '2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
		expect(validateIsoDate('expiresAt', '2026-12-01T10:30:00')).toBe('2026-12-01T10:30:00.000Z');
		expect(validateIsoDate('expiresAt', '2026-12-01T10:30:00+02:00')).toBe('2026-12-01T08:30:00.000Z');
		expect(fieldOf(() => validateIsoDate('expiresAt', 'next tuesday')).message).toMatch(/expiresAt: "next tuesday" is not an ISO 8601 date/);
		expect(fieldOf(() => validateIsoDate('expiresAt', '2026-02-30T99:00:00Z')).field).toBe('expiresAt');
	});

	it('splits, trims and de-duplicates tags', () => {
		expect(validateTags('tags', 'sale, newsletter ,sale,,')).toEqual(['sale', 'newsletter']);
		expect(fieldOf(() => validateTags('tags', Array.from({ length: 21 }, (_, i) => `t${i}`))).message).toMatch(/at most 20/);
	});

	it('builds a create body: blanks dropped, UTM checked per field', () => {
		expect(
			buildLinkCreate({ destination: 'https://example.com', slug: undefined, title: '', tags: 'a,b', utm: { source: 'news', medium: '' } }),
		).toEqual({ destination: 'https://example.com', tags: ['a', 'b'], utm: { source: 'news' } });
		expect(fieldOf(() => buildLinkCreate({ destination: 'https://x.io', utm: { source: 'x'.repeat(201) } })).field).toBe('utm.source');
		expect(fieldOf(() => buildLinkCreate({ destination: 'https://x.io', utm: { channel: 'x' } })).field).toBe('utm.channel');
		expect(fieldOf(() => buildLinkCreate({ destination: 'https://x.io', campaignId: 'summer' })).message).toMatch(/not a campaign ID — campaign IDs look like cmp_/);
		// A blank slug (a mapped value that came out empty) is "not given": Linkkit makes one up.
		expect(buildLinkCreate({ destination: 'https://x.io', slug: '' })).toEqual({ destination: 'https://x.io' });
		expect(buildLinkCreate({ destination: 'https://x.io', slug: '   ' })).toEqual({ destination: 'https://x.io' });
		expect(fieldOf(() => buildLinkCreate({ destination: 'https://x.io', slug: 'no spaces please' })).field).toBe('slug');
		expect(
			fieldOf(() => buildLinkCreate({ destination: 'https://x.io', segmentRoutes: [{ segmentId: 'seg_1', destination: 'mailto:a@b.c' }] })).field,
		).toBe('segmentRoutes[0].destination');
	});

	it('update bodies keep explicit nulls and need at least one field', () => {
		expect(buildLinkUpdate({ title: null, campaignId: null })).toEqual({ title: null, campaignId: null });
		expect(fieldOf(() => buildLinkUpdate({ title: '' })).message).toMatch(/at least one field/);
	});

	it('refuses an expiry in the past, on create and on update, and takes one ahead', () => {
		const now = Date.parse('2026-11-27T12:00:00Z');
		expect(fieldOf(() => buildLinkCreate({ destination: 'https://x.io', expiresAt: '2026-11-27T11:59:00Z' }, now))).toEqual({
			field: 'expiresAt',
			message: 'expiresAt: 2026-11-27T11:59:00Z is in the past — choose a later date and time, or leave it empty',
		});
		expect(fieldOf(() => buildLinkUpdate({ expiresAt: '2020-01-01' }, now)).field).toBe('expiresAt');
		expect(buildLinkCreate({ destination: 'https://x.io', expiresAt: '2026-12-01' }, now).expiresAt).toBe('2026-12-01T00:00:00.000Z');
		// Clearing the expiry (never expire) is still an update.
		expect(buildLinkUpdate({ expiresAt: null }, now)).toEqual({ expiresAt: null });
	});

	it('asks for two-letter country codes in segment rules, as Linkkit records countries', () => {
		const rules = (value: string) => buildSegmentCreate({ name: 'x', rules: [{ field: 'country', operator: 'is', value }] }).rules[0].value;
		expect(rules('de')).toBe('DE');
		expect(fieldOf(() => rules('Germany'))).toEqual({
			field: 'rules[0].value',
			message: 'rules[0].value: "Germany" is not a two-letter country code such as DE or US',
		});
		// Other properties keep free text.
		expect(buildSegmentCreate({ name: 'x', rules: [{ field: 'browser', operator: 'contains', value: 'Chrome' }] }).rules[0].value).toBe('Chrome');
	});

	it('checks segment rules one by one', () => {
		const rules = [{ field: 'country', operator: 'is', value: 'DE' }];
		expect(buildSegmentCreate({ name: 'Germany', rules })).toEqual({ name: 'Germany', rules });
		expect(fieldOf(() => buildSegmentCreate({ name: 'x', rules: [] })).message).toMatch(/at least one rule/);
		expect(fieldOf(() => buildSegmentCreate({ name: 'x', rules: [...rules, { field: 'planet', operator: 'is', value: 'Mars' }] })).field).toBe(
			'rules[1].field',
		);
		expect(fieldOf(() => buildSegmentCreate({ name: 'x', rules: [{ field: 'os', operator: 'matches', value: 'iOS' }] })).field).toBe(
			'rules[0].operator',
		);
		expect(fieldOf(() => buildSegmentCreate({ name: 'x', rules: [{ field: 'os', operator: 'is', value: ' ' }] })).field).toBe('rules[0].value');
	});

	it('checks campaign periods', () => {
		expect(fieldOf(() => buildCampaignCreate({ name: 'x', startsAt: '2026-12-02', endsAt: '2026-12-01' })).field).toBe('endsAt');
		expect(fieldOf(() => buildCampaignCreate({ name: '  ' })).field).toBe('name');
	});

	it('resolves date presets to explicit UTC periods', () => {
		const now = Date.UTC(2026, 10, 27, 15, 30);
		expect(resolveDateRange('yesterday', now)).toEqual({ from: '2026-11-26T00:00:00.000Z', to: '2026-11-27T00:00:00.000Z' });
		expect(resolveDateRange('lastMonth', now)).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
		expect(resolveDateRange('last7Days', now).from).toBe('2026-11-20T15:30:00.000Z');
		expect(fieldOf(() => analyticsQuery({ linkId: 'lnk_a', campaignId: 'cmp_b' })).field).toBe('campaignId');
		expect(fieldOf(() => analyticsQuery({ preset: 'custom', from: '2026-11-02', to: '2026-11-01' })).field).toBe('to');
	});

	it('accepts https base URLs and http only for a local sandbox', () => {
		expect(normaliseBaseUrl('')).toBe('https://api.uselinkkit.com');
		expect(normaliseBaseUrl('https://eu.api.uselinkkit.com/')).toBe('https://eu.api.uselinkkit.com');
		expect(normaliseBaseUrl('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
		expect(normaliseBaseUrl('http://localhost:4010/')).toBe('http://localhost:4010');
		expect(fieldOf(() => normaliseBaseUrl('http://api.uselinkkit.com')).field).toBe('baseUrl');
		expect(fieldOf(() => normaliseBaseUrl('https://user:pw@api.uselinkkit.com')).field).toBe('baseUrl');
	});
});

describe('bad input sends nothing', () => {
	it.each([
		['create with a javascript: URL', (c: ReturnType<typeof createLinkkitClient>) => c.links.create({ destination: 'javascript:alert(1)' })],
		['get with a campaign ID', (c: ReturnType<typeof createLinkkitClient>) => c.links.get('cmp_123')],
		['update with nothing', (c: ReturnType<typeof createLinkkitClient>) => c.links.update('lnk_1', {})],
		['timeseries with a bad interval', (c: ReturnType<typeof createLinkkitClient>) => c.analytics.timeseries({ interval: 'year' as never })],
		['clicks with a bad country', (c: ReturnType<typeof createLinkkitClient>) => c.analytics.clicksPage({ country: 'Germany' })],
		// A blank name would be no filter at all, and Linkkit would answer with the newest record.
		['find a campaign by a blank name', (c: ReturnType<typeof createLinkkitClient>) => c.campaigns.findByName('  ')],
		['find a segment by an empty name', (c: ReturnType<typeof createLinkkitClient>) => c.segments.findByName('')],
	])('%s', async (_name, call) => {
		const port = new FakePort([]);
		const client = createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com' });
		await expect((async () => call(client))()).rejects.toMatchObject({ code: 'invalid_input' });
		expect(port.requests).toHaveLength(0);
	});

	it('a bulk create sends only the valid entries and maps results back to input positions', async () => {
		const port = new FakePort([
			(request) => ({
				status: 200,
				headers: {},
				body: {
					data: (request.body as { links: { destination: string }[] }).links.map((l, index) =>
						index === 1
							? { index, error: { code: 'conflict', message: 'slug taken' } }
							: { index, link: { id: `lnk_${index}`, destination: l.destination } },
					),
				},
			}),
		]);
		const client = createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com' });
		const result = await client.links.createMany([
			{ destination: 'https://a.example' },
			{ destination: 'not a url' },
			{ destination: 'https://c.example' },
			{ destination: 'https://d.example' },
		]);
		expect((port.requests[0].body as { links: unknown[] }).links).toHaveLength(3);
		expect(result.data.map((r) => [r.index, 'link' in r ? 'ok' : r.error.code])).toEqual([
			[0, 'ok'],
			[1, 'validation_failed'],
			[2, 'conflict'],
			[3, 'ok'],
		]);
	});
});

describe('date ranges and base URLs that would silently do the wrong thing', () => {
	it('refuses From/To next to a preset, and a Custom range without From', () => {
		expect(fieldOf(() => analyticsQuery({ preset: 'last30Days', from: '2026-11-01' })).message).toMatch(/only with the Custom date range/);
		expect(fieldOf(() => analyticsQuery({ preset: 'last7Days', to: '2026-11-01' })).field).toBe('to');
		expect(fieldOf(() => analyticsQuery({ preset: 'custom' })).field).toBe('from');
		expect(analyticsQuery({ preset: 'custom', from: '2026-11-01' })).toEqual({ from: '2026-11-01T00:00:00.000Z' });
	});

	it('drops a trailing /v1 from the Base URL, since every path already starts with it', () => {
		expect(normaliseBaseUrl('https://api.uselinkkit.com/v1')).toBe('https://api.uselinkkit.com');
		expect(normaliseBaseUrl('https://eu.example.com/linkkit/v1/')).toBe('https://eu.example.com/linkkit');
	});
});
