import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { app, appRunner, failureOf } from './support/app';
import { zapierCleaned } from './support/clean-input';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = appRunner(sandbox);
});
afterAll(() => sandbox.stop());

type Item = Record<string, unknown>;
const create = (key: string) => `creates.${key}.operation.perform`;

async function newSegment(name: string): Promise<Item> {
	return run<Item>(create('create_segment'), {
		inputData: { name, match: 'all', rules: [{ field: 'country', operator: 'is', value: 'DE' }, { field: 'device', operator: 'is', value: 'mobile' }] },
	});
}

describe('links', () => {
	test('Create Link sends every field: tags, campaign, UTM, expiry and segment routes (line items)', async () => {
		const campaign = await run<Item>(create('create_campaign'), { inputData: { name: `Links ${Date.now()}`, utm__source: 'newsletter' } });
		const segment = await newSegment(`German mobile ${Date.now()}`);
		const link = await run<Item>(create('create_link'), {
			inputData: {
				destination: 'https://shop.example.com/sale',
				slug: `sale-${Date.now()}`,
				title: 'Spring sale',
				tags: ['spring', 'newsletter'],
				campaignId: campaign.id,
				utm__medium: 'email',
				expiresAt: '2030-05-31T23:59:59Z',
				segmentRoutes: [{ routeSegmentId: segment.id, routeDestination: 'https://shop.example.com/de/sale' }, {}],
			},
		});
		expect(link).toMatchObject({
			destination: 'https://shop.example.com/sale',
			title: 'Spring sale',
			tags: ['spring', 'newsletter'],
			campaignId: campaign.id,
			// source inherited from the campaign, medium given here
			utm: expect.objectContaining({ source: 'newsletter', medium: 'email' }),
			expiresAt: '2030-05-31T23:59:59.000Z',
			segmentRoutes: [{ segmentId: segment.id, destination: 'https://shop.example.com/de/sale' }],
			clicks: 0,
		});
		expect(String(link.shortUrl)).toContain(String(link.slug));
	});

	test('an Update with nothing filled in says so in words, before anything is sent', async () => {
		const link = await run<Item>(create('create_link'), { inputData: { destination: 'https://example.com/nothing-to-change' } });
		const campaign = await run<Item>(create('create_campaign'), { inputData: { name: `Nothing to change ${Date.now()}` } });
		const segment = await run<Item>(create('create_segment'), { inputData: { name: `Nothing to change ${Date.now()}`, rules: [{ field: 'device', operator: 'is', value: 'desktop' }] } });
		for (const [key, inputData] of [['update_link', { linkId: link.id }], ['update_campaign', { campaignId: campaign.id }], ['update_segment', { segmentId: segment.id }]] as const) {
			const error = await failureOf(run(create(key), { inputData }));
			expect(error.message).toBe('Nothing to update: give at least one field to change. Nothing was sent to Linkkit.');
		}
	});

	test('Update Link changes only what is filled in, and Delete Link removes it', async () => {
		const link = await run<Item>(create('create_link'), { inputData: { destination: 'https://example.com/a', title: 'Keep me', tags: ['x'] } });
		const updated = await run<Item>(create('update_link'), { inputData: { linkId: link.id, destination: 'https://example.com/b', title: '', tags: [], utm__source: 'ads' } });
		expect(updated).toMatchObject({ id: link.id, destination: 'https://example.com/b', title: 'Keep me', tags: ['x'], utm: expect.objectContaining({ source: 'ads' }) });
		const deleted = await run<Item>(create('delete_link'), { inputData: { linkId: link.id } });
		expect(deleted).toEqual({ id: link.id, deleted: true });
		const gone = await failureOf(run(create('delete_link'), { inputData: { linkId: link.id } }));
		expect(gone.status).toBe(404);
		expect(gone.message).toMatch(/request id req_/);
	});
});

describe('bad input is refused with the field named as the user sees it', () => {
	test('an invalid destination URL fails before any request', async () => {
		const before = sandbox.counts().links;
		const error = await failureOf(run(create('create_link'), { inputData: { destination: 'javascript:alert(1)' } }));
		expect(error).toMatchObject({ code: 'invalid_input', status: 400 });
		expect(error.message).toMatch(/^Destination URL: only http:\/\/ and https:\/\/ addresses can be shortened/);
		expect(error.message).toContain('Nothing was sent to Linkkit');
		expect(sandbox.counts().links).toBe(before);
	});


	test('an unknown campaign id is rejected by Linkkit and the message names the Campaign field', async () => {
		const error = await failureOf(run(create('create_link'), { inputData: { destination: 'https://example.com', campaignId: 'cmp_doesnotexist' } }));
		expect(error.status).toBeGreaterThanOrEqual(404);
		expect(error.message).toMatch(/Campaign: No campaign cmp_doesnotexist in this account/);
	});

	test('a taken slug is a conflict that names the Slug field', async () => {
		const slug = `taken-${Date.now()}`;
		await run(create('create_link'), { inputData: { destination: 'https://example.com/1', slug } });
		const error = await failureOf(run(create('create_link'), { inputData: { destination: 'https://example.com/2', slug } }));
		expect(error.status).toBe(409);
		expect(error.message).toMatch(/slug "taken-\d+" is already taken/);
	});

	test('a bad segment route row is named by row and column', async () => {
		const error = await failureOf(run(create('create_link'), { inputData: { destination: 'https://example.com', segmentRoutes: [{ routeSegmentId: 'seg_abc', routeDestination: 'not a url' }] } }));
		expect(error.message).toMatch(/^Segment Routes, row 1: Segment Destination URL: /);
	});
});

describe('campaigns and segments', () => {
	test('Create Campaign and Update Campaign', async () => {
		const campaign = await run<Item>(create('create_campaign'), {
			inputData: { name: `Summer ${Date.now()}`, status: 'paused', utm__source: 'ads', startsAt: '2030-06-01', endsAt: '2030-06-30' },
		});
		expect(campaign).toMatchObject({ status: 'paused', utm: expect.objectContaining({ source: 'ads' }), startsAt: '2030-06-01T00:00:00.000Z', linkCount: 0 });
		const updated = await run<Item>(create('update_campaign'), { inputData: { campaignId: campaign.id, status: 'active', description: '' } });
		expect(updated).toMatchObject({ id: campaign.id, status: 'active', name: campaign.name });
		const badPeriod = await failureOf(run(create('create_campaign'), { inputData: { name: 'x', startsAt: '2030-06-30', endsAt: '2030-06-01' } }));
		expect(badPeriod.message).toBe('Ends At: must be after the start date. Nothing was sent to Linkkit.');
	});

	test('Create Segment takes rules as line items; Update Segment replaces them', async () => {
		const segment = await newSegment(`Segment ${Date.now()}`);
		expect(segment).toMatchObject({ match: 'all', rules: [{ field: 'country', operator: 'is', value: 'DE' }, { field: 'device', operator: 'is', value: 'mobile' }] });
		const updated = await run<Item>(create('update_segment'), { inputData: { segmentId: segment.id, match: 'any', rules: [{ field: 'browser', operator: 'contains', value: 'Chrome' }] } });
		expect(updated).toMatchObject({ id: segment.id, match: 'any', rules: [{ field: 'browser', operator: 'contains', value: 'Chrome' }] });
		const noRules = await failureOf(run(create('create_segment'), { inputData: { name: 'Empty', rules: [{}] } }));
		expect(noRules.message).toMatch(/^Rules: needs at least one rule/);
	});
});

describe('input polish: messages a Zap builder can act on', () => {
	test('text that is no web address at all is called that, not "must not contain spaces"', async () => {
		const error = await failureOf(run(create('create_link'), { inputData: { destination: 'not a url' } }));
		expect(error.message).toBe('Destination URL: "not a url" is not a full web address — it must start with http:// or https://. Nothing was sent to Linkkit.');
	});

	test('Linkkit\'s 422 reads as one sentence: no ".." and no API names such as endsAt or startsAt', async () => {
		const unknownDomain = await failureOf(run(create('create_link'), { inputData: { destination: 'https://example.com/d', domain: 'not-ours.example' } }));
		expect(unknownDomain.status).toBe(422);
		expect(unknownDomain.message).toMatch(/^Linkkit rejected the input — Domain: The domain not-ours\.example is not set up in this account\. \(Linkkit request id req_\w+\)$/);
		expect(unknownDomain.message).not.toContain('..');
		// Only Linkkit can compare a new end with the start already stored; its words name both fields by label.
		const campaign = await run<Item>(create('create_campaign'), { inputData: { name: `Period ${Date.now()}`, startsAt: '2030-06-10' } });
		const endBeforeStart = await failureOf(run(create('update_campaign'), { inputData: { campaignId: campaign.id, endsAt: '2030-06-01' } }));
		expect(endBeforeStart.status).toBe(422);
		expect(endBeforeStart.message).toMatch(/^Linkkit rejected the input — Ends At: Ends At is before Starts At\. \(Linkkit request id req_\w+\)$/);
	});

	test('an expiry in the past is refused before anything is sent', async () => {
		const before = sandbox.counts().links;
		const error = await failureOf(run(create('create_link'), { inputData: { destination: 'https://example.com/late', expiresAt: '2020-01-01T00:00:00Z' } }));
		expect(error.message).toBe(
			'Expires At: 2020-01-01T00:00:00Z is in the past — choose a later date and time, or leave it empty. Nothing was sent to Linkkit.',
		);
		expect(sandbox.counts().links).toBe(before);
	});

	test('a country rule wants a two-letter code: "Germany" is refused, "de" becomes DE', async () => {
		const refused = await failureOf(
			run(create('create_segment'), { inputData: { name: `Germans ${Date.now()}`, rules: [{ field: 'country', operator: 'is', value: 'Germany' }] } }),
		);
		expect(refused.message).toBe('Rules, row 1: Value: "Germany" is not a two-letter country code such as DE or US. Nothing was sent to Linkkit.');
		const segment = await run<Item>(create('create_segment'), { inputData: { name: `Germans ${Date.now()}`, rules: [{ field: 'country', operator: 'is', value: 'de' }] } });
		expect(segment.rules).toEqual([{ field: 'country', operator: 'is', value: 'DE' }]);
	});
});

describe('empty input is "not given": cleanInputData is set on purpose, and both settings give the same result', () => {
	test('the app asks Zapier for the input as mapped (cleanInputData: false)', () => {
		expect(app.flags).toMatchObject({ cleanInputData: false });
	});

	// An optional field mapped from a trigger that had nothing for this run: '', spaces, null, [] or a blank row.
	const mappedButEmpty = {
		slug: '',
		title: '   ',
		description: null,
		domain: '',
		tags: ['', null],
		campaignId: '',
		utm__source: '',
		expiresAt: '',
		segmentRoutes: [{ routeSegmentId: '', routeDestination: '' }],
	};

	test.each([
		['as mapped (cleanInputData: false)', (data: Record<string, unknown>) => data],
		['as Zapier would clean it (cleanInputData: true)', (data: Record<string, unknown>) => zapierCleaned(data) as Record<string, unknown>],
	])('Create Link with optional fields mapped but empty creates the link, %s', async (_how, deliver) => {
		const link = await run<Item>(create('create_link'), { inputData: deliver({ destination: 'https://example.com/mapped-empty', ...mappedButEmpty }) });
		expect(link).toMatchObject({ destination: 'https://example.com/mapped-empty', title: null, description: null, tags: [], campaignId: null, expiresAt: null, segmentRoutes: [] });
		expect(String(link.slug)).toMatch(/^[A-Za-z0-9_-]+$/); // made up by Linkkit
	});

	test.each([
		['as mapped (cleanInputData: false)', (data: Record<string, unknown>) => data],
		['as Zapier would clean it (cleanInputData: true)', (data: Record<string, unknown>) => zapierCleaned(data) as Record<string, unknown>],
	])('Update Link with fields mapped but empty keeps every current value, %s', async (_how, deliver) => {
		const campaign = await run<Item>(create('create_campaign'), { inputData: { name: `Keep ${Date.now()}-${Math.random()}` } });
		const link = await run<Item>(create('create_link'), {
			inputData: { destination: 'https://example.com/keep', title: 'Keep me', tags: ['keep'], campaignId: campaign.id, expiresAt: '2031-01-01T00:00:00Z', utm__source: 'keep' },
		});
		const updated = await run<Item>(create('update_link'), { inputData: deliver({ linkId: link.id, destination: 'https://example.com/kept', ...mappedButEmpty, clearFields: [] }) });
		expect(updated).toMatchObject({
			destination: 'https://example.com/kept',
			title: 'Keep me',
			tags: ['keep'],
			campaignId: campaign.id,
			expiresAt: '2031-01-01T00:00:00.000Z',
			utm: expect.objectContaining({ source: 'keep' }),
		});
	});

	test('Clear Fields empties exactly the fields chosen, and a field both filled and chosen is refused', async () => {
		const link = await run<Item>(create('create_link'), {
			inputData: { destination: 'https://example.com/clear', title: 'Goes', description: 'Stays', tags: ['goes'], expiresAt: '2031-01-01T00:00:00Z', utm__source: 'goes', utm__medium: 'stays' },
		});
		const cleared = await run<Item>(create('update_link'), { inputData: { linkId: link.id, clearFields: ['title', 'tags', 'expiresAt', 'utm__source'] } });
		expect(cleared).toMatchObject({ title: null, description: 'Stays', tags: [], expiresAt: null, utm: expect.objectContaining({ source: null, medium: 'stays' }) });
		const both = await failureOf(run(create('update_link'), { inputData: { linkId: link.id, title: 'New', clearFields: ['title'] } }));
		expect(both.message).toBe('Title: is filled in and also chosen in Clear Fields — fill it in or clear it, not both. Nothing was sent to Linkkit.');
		const campaign = await run<Item>(create('create_campaign'), { inputData: { name: `Clear ${Date.now()}`, description: 'Goes', endsAt: '2031-01-01' } });
		expect(await run<Item>(create('update_campaign'), { inputData: { campaignId: campaign.id, clearFields: ['description', 'endsAt'] } })).toMatchObject({ description: null, endsAt: null });
		const segment = await newSegment(`Clear ${Date.now()}`);
		expect(segment.description).toBeNull();
		await run(create('update_segment'), { inputData: { segmentId: segment.id, description: 'Set' } });
		expect(await run<Item>(create('update_segment'), { inputData: { segmentId: segment.id, clearFields: ['description'] } })).toMatchObject({ description: null });
	});
});
