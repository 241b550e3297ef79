/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Zapier app tests, never shipped in the n8n package */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { realClient } from '../support/fetch-port';
import { app, appRunner, failureOf, visit } from './support/app';
import { POLL_CAP } from '../../zapier/src/triggers/poll';
import { expectDedupeContract, flatKeys } from './support/shape';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = appRunner(sandbox);
});
afterAll(() => sandbox.stop());

type Item = Record<string, unknown>;
const perform = (key: string) => `triggers.${key}.operation.perform`;

/** Each live result has the keys the static sample and the outputFields promise. */
function expectShapeOfSample(key: string, live: Item) {
	const trigger = (app.triggers as unknown as Record<string, { operation: { sample: Item; outputFields?: Array<{ key: string; list?: boolean }> } }>)[key];
	// Lists compare by name only: a live link may have no segment routes where the sample has one.
	const listsAsNames = (keys: string[]) => [...new Set(keys.map((k) => k.replace(/\[\].*$/, '[]')))].sort();
	expect(listsAsNames(flatKeys(live))).toEqual(listsAsNames(flatKeys(trigger.operation.sample)));
	// A list of plain values is `{ key: 'tags', list: true }`; the sample flattens it as `tags[]`.
	const flatKey = (field: { key: string; list?: boolean }) => (field.list ? `${field.key}[]` : field.key.replace(/\[\].*$/, '[]'));
	for (const field of trigger.operation.outputFields ?? []) expect(listsAsNames(flatKeys(trigger.operation.sample))).toContain(flatKey(field));
}

describe('output fields', () => {
	test('lists of plain strings (tags, segment IDs) are list fields, so their labels attach to the sample\'s string arrays', () => {
		type Field = { key: string; label?: string; list?: boolean };
		const all: Field[] = [];
		for (const group of [app.triggers, app.searches, app.creates] as unknown as Array<Record<string, { operation: { outputFields?: Field[] } }>>) {
			for (const step of Object.values(group)) all.push(...(step.operation.outputFields ?? []));
		}
		// `tags[]` would label nothing: Zapier flattens a string array under its plain key.
		expect(all.filter((f) => f.key.endsWith('[]'))).toEqual([]);
		expect(all.filter((f) => f.key === 'tags')).not.toHaveLength(0);
		for (const f of all.filter((f) => f.key === 'tags')) expect(f).toMatchObject({ label: 'Tags', list: true });
		expect(all.filter((f) => f.key === 'segmentIds')).not.toHaveLength(0);
		for (const f of all.filter((f) => f.key === 'segmentIds')) expect(f).toMatchObject({ label: 'Segment IDs', list: true });
	});
});

/** Zapier's dedupe: the ids a poll returns that no earlier poll returned are the ones that run the Zap. */
function newSince(seen: Item[], poll: Item[]): Item[] {
	const before = new Set(seen.map((item) => item.id));
	return poll.filter((item) => !before.has(item.id));
}

describe('a poll hands over everything new since the previous poll', () => {
	test('120 clicks between two polls of New Click: all 120 arrive, newest first', async () => {
		const link = await run<Item>('creates.create_link.operation.perform', { inputData: { destination: 'https://example.com/busy', slug: `busy-${Date.now()}` } });
		const first = await run<Item[]>(perform('new_click'));
		for (let i = 0; i < 120; i++) await visit(sandbox, String(link.slug));
		const second = await run<Item[]>(perform('new_click'));
		const fresh = newSince(first, second);
		expect(fresh).toHaveLength(120);
		expect(fresh.every((click) => click.linkId === link.id)).toBe(true);
		expectDedupeContract(second, 'timestamp');
	});

	test('a bulk create of 100 links between polls: New Link delivers all 100, and Updated Link still sees an earlier change', async () => {
		const edited = await run<Item>('creates.create_link.operation.perform', { inputData: { destination: 'https://example.com/edited-before-bulk' } });
		await new Promise((resolve) => setTimeout(resolve, 5));
		await run('creates.update_link.operation.perform', { inputData: { linkId: edited.id, title: 'Changed before the bulk create' } });
		const newBefore = await run<Item[]>(perform('new_link'));
		const { client } = realClient(sandbox.url, sandbox.apiKey);
		const bulk = await client.links.createMany(Array.from({ length: 100 }, (_, i) => ({ destination: `https://bulk.example.org/${i}` })));
		expect(bulk.data.every((entry) => 'link' in entry)).toBe(true);
		const newAfter = await run<Item[]>(perform('new_link'));
		expect(newSince(newBefore, newAfter)).toHaveLength(100);
		expectDedupeContract(newAfter, 'createdAt');
		// The 100 new links were all "updated" when created, newer than the edit: the edit is still in the poll.
		const updates = await run<Item[]>(perform('updated_link'));
		expect(updates.some((update) => update.linkId === edited.id)).toBe(true);
		expectDedupeContract(updates, 'updatedAt');
	});
});

describe('polling triggers', () => {
	test('New Link returns the newest links first with unique ids, and honours limit and sample loading', async () => {
		const links = await run<Item[]>(perform('new_link'));
		// Every link of this small account (fewer than the 500 a poll returns at most), over several pages of 100.
		expect(links.length).toBe(sandbox.counts().links);
		expect(links.length).toBeGreaterThan(50);
		expectDedupeContract(links, 'createdAt');
		expectShapeOfSample('new_link', links[0]);
		expect(await run<Item[]>(perform('new_link'), { meta: { limit: 7 } })).toHaveLength(7);
		expect(await run<Item[]>(perform('new_link'), { meta: { isLoadingSample: true } })).toHaveLength(3);
	});

	test('New Link filters by campaign and tag, and a new link arrives at the top', async () => {
		const [campaign] = await run<Item[]>(perform('new_campaign'));
		const created = await run<Item>('creates.create_link.operation.perform', {
			inputData: { destination: 'https://example.com/trigger-filter', campaignId: campaign.id, tags: ['zapier-filter'] },
		});
		const byTag = await run<Item[]>(perform('new_link'), { inputData: { tag: 'zapier-filter' } });
		expect(byTag.map((l) => l.id)).toEqual([created.id]);
		const byCampaign = await run<Item[]>(perform('new_link'), { inputData: { campaignId: campaign.id } });
		expect(byCampaign[0].id).toBe(created.id);
		expect(byCampaign.every((l) => l.campaignId === campaign.id)).toBe(true);
	});

	test('Updated Link fires once per change: id = link id + change time, link id kept in linkId', async () => {
		const created = await run<Item>('creates.create_link.operation.perform', { inputData: { destination: 'https://example.com/before' } });
		const before = await run<Item[]>(perform('updated_link'));
		expect(before.some((u) => u.linkId === created.id)).toBe(false); // created, never changed: not an update
		await new Promise((resolve) => setTimeout(resolve, 5)); // a distinct updatedAt
		const changed = await run<Item>('creates.update_link.operation.perform', { inputData: { linkId: created.id, title: 'First change' } });
		const first = await run<Item[]>(perform('updated_link'));
		expect(first[0]).toMatchObject({ id: `${created.id}-${changed.updatedAt}`, linkId: created.id, title: 'First change' });
		expectDedupeContract(first, 'updatedAt');
		expectShapeOfSample('updated_link', first[0]);
		await new Promise((resolve) => setTimeout(resolve, 5));
		await run('creates.update_link.operation.perform', { inputData: { linkId: created.id, title: 'Second change' } });
		const second = await run<Item[]>(perform('updated_link'));
		expect(second[0].linkId).toBe(created.id);
		expect(second[0].id).not.toBe(first[0].id);
	});

	test('New Campaign and New Segment list newest first with their samples\' shape', async () => {
		const campaign = await run<Item>('creates.create_campaign.operation.perform', { inputData: { name: `Trigger campaign ${Date.now()}` } });
		const campaigns = await run<Item[]>(perform('new_campaign'));
		expect(campaigns[0].id).toBe(campaign.id);
		expectDedupeContract(campaigns, 'createdAt');
		expectShapeOfSample('new_campaign', campaigns[0]);
		const segment = await run<Item>('creates.create_segment.operation.perform', {
			inputData: { name: `Trigger segment ${Date.now()}`, rules: [{ field: 'country', operator: 'is', value: 'DE' }] },
		});
		const segments = await run<Item[]>(perform('new_segment'));
		expect(segments[0].id).toBe(segment.id);
		expectDedupeContract(segments, 'createdAt');
		expectShapeOfSample('new_segment', segments[0]);
	});

	test('New Click sees a visit to a short link, filtered by that link, and says which link: short URL and title', async () => {
		const link = await run<Item>('creates.create_link.operation.perform', {
			inputData: { destination: 'https://example.com/click-me', slug: `click-${Date.now()}`, title: 'Click me' },
		});
		await visit(sandbox, String(link.slug), { Referer: 'https://news.example.org/' });
		const clicks = await run<Item[]>(perform('new_click'), { inputData: { linkId: link.id } });
		expect(clicks).toHaveLength(1);
		expect(clicks[0]).toMatchObject({ linkId: link.id, shortUrl: link.shortUrl, linkTitle: 'Click me', device: 'mobile' });
		const fields = (app.triggers.new_click.operation as { outputFields: Item[] }).outputFields;
		expect(fields).toEqual(expect.arrayContaining([
			{ key: 'shortUrl', label: 'Short URL', type: 'string' },
			{ key: 'linkTitle', label: 'Link Title', type: 'string' },
		]));
		// Linkkit records the referrer as a bare host; the sample must look the same, or Zaps get built on the wrong form.
		expect(clicks[0].referrer).toBe('news.example.org');
		const sample = (app.triggers.new_click.operation as { sample: Item }).sample;
		expect(sample.referrer).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
		expectShapeOfSample('new_click', clicks[0]);
		const all = await run<Item[]>(perform('new_click'));
		expectDedupeContract(all, 'timestamp');
		expect(all[0].id).toBe(clicks[0].id);
	});

	test('Link Click Milestone fires once per link and milestone, and not before the link gets there', async () => {
		const link = await run<Item>('creates.create_link.operation.perform', { inputData: { destination: 'https://example.com/milestone', slug: `ms-${Date.now()}` } });
		await visit(sandbox, String(link.slug));
		await visit(sandbox, String(link.slug));
		expect(await run<Item[]>(perform('click_milestone'), { inputData: { watch: 'link', linkId: link.id, milestone: 3 } })).toEqual([]);
		await visit(sandbox, String(link.slug));
		const reached = await run<Item[]>(perform('click_milestone'), { inputData: { watch: 'link', linkId: link.id, milestone: 3 } });
		expect(reached).toHaveLength(1);
		expect(reached[0]).toMatchObject({ id: `${link.id}-3`, milestone: 3, linkId: link.id, clicks: 3 });
		expectShapeOfSample('click_milestone', reached[0]);
		// Every field of the link that reached the milestone (all 15, UTM and routes flattened) has a label.
		const fields = (app.triggers.click_milestone.operation as { outputFields: Array<{ key: string; label?: string; list?: boolean }> }).outputFields;
		const labelled = new Set(fields.filter((f) => f.label && f.key.startsWith('link__')).map((f) => f.key.replace(/\[\].*$/, '[]')));
		const linkKeys = [...new Set(flatKeys(reached[0].link, 'link').map((k) => k.replace(/\[\].*$/, '[]')))];
		expect(Object.keys(reached[0].link as object)).toHaveLength(15);
		for (const key of linkKeys) expect(labelled.has(key) || labelled.has(key.replace(/\[\]$/, ''))).toBe(true);
		expect(fields.find((f) => f.key === 'link__shortUrl')).toMatchObject({ label: 'Link Short URL' });
		expect(fields.find((f) => f.key === 'link__utm__source')).toMatchObject({ label: 'Link UTM Source' });
		// Another click keeps the same id, so Zapier does not fire again for this milestone.
		await visit(sandbox, String(link.slug));
		const again = await run<Item[]>(perform('click_milestone'), { inputData: { watch: 'link', linkId: link.id, milestone: 3 } });
		expect(again.map((m) => m.id)).toEqual([`${link.id}-3`]);
	});

	test('Link Click Milestone over a campaign returns each link at or above the milestone', async () => {
		const campaign = await run<Item>('creates.create_campaign.operation.perform', { inputData: { name: `Milestone campaign ${Date.now()}` } });
		const slugs = [`mc-a-${Date.now()}`, `mc-b-${Date.now()}`];
		const links = [];
		for (const slug of slugs) links.push(await run<Item>('creates.create_link.operation.perform', { inputData: { destination: 'https://example.com/mc', slug, campaignId: campaign.id } }));
		await visit(sandbox, slugs[1]);
		const reached = await run<Item[]>(perform('click_milestone'), { inputData: { watch: 'campaign', campaignId: campaign.id, milestone: 1 } });
		expect(reached.map((m) => m.id)).toEqual([`${links[1].id}-1`]);
	});

	test('Link Click Milestone asks what to Watch, then shows exactly one required ID dropdown', () => {
		const fields = (app.triggers.click_milestone.operation as { inputFields?: unknown[] }).inputFields ?? [];
		expect(fields[0]).toMatchObject({
			key: 'watch',
			label: 'Watch',
			required: true,
			altersDynamicFields: true,
			choices: [{ value: 'link', label: 'One Link' }, { value: 'campaign', label: 'Every Link in a Campaign' }],
		});
		expect(fields.filter((f) => ['linkId', 'campaignId'].includes((f as Item).key as string))).toEqual([]);
		const idField = fields.find((f) => typeof f === 'function') as (z: unknown, bundle: unknown) => Item[];
		expect(idField({}, { inputData: { watch: 'link' } })).toMatchObject([{ key: 'linkId', label: 'Link', required: true }]);
		expect(idField({}, { inputData: { watch: 'campaign' } })).toMatchObject([{ key: 'campaignId', label: 'Campaign', required: true }]);
		expect(idField({}, { inputData: {} })).toEqual([]);
	});

	test('Link Click Milestone needs what to watch, its ID, and a whole number', async () => {
		expect((await failureOf(run(perform('click_milestone'), { inputData: { milestone: 5 } }))).message).toBe(
			'Watch: choose One Link or Every Link in a Campaign. Nothing was sent to Linkkit.',
		);
		expect((await failureOf(run(perform('click_milestone'), { inputData: { watch: 'link', campaignId: 'cmp_4h7d2k9w1z', milestone: 5 } }))).message).toBe(
			'Link: choose the link to watch. Nothing was sent to Linkkit.',
		);
		expect((await failureOf(run(perform('click_milestone'), { inputData: { watch: 'campaign', milestone: 5 } }))).message).toMatch(/^Campaign: choose the campaign/);
		const notANumber = await failureOf(run(perform('click_milestone'), { inputData: { watch: 'link', linkId: 'lnk_abc', milestone: 'lots' } }));
		expect(notANumber).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^Milestone \(Clicks\): "lots" is not a whole number/) });
	});
});

describe('the per-poll cap', () => {
	let big: RunningSandbox;
	beforeAll(async () => {
		big = await startTestSandbox({ links: 650 });
	});
	afterAll(() => big.stop());

	test(`a poll returns at most ${POLL_CAP} items, the newest, unique and newest first`, async () => {
		const links = await appRunner(big)<Item[]>(perform('new_link'));
		expect(links).toHaveLength(POLL_CAP);
		expectDedupeContract(links, 'createdAt');
		const { client } = realClient(big.url, big.apiKey);
		const newest = await client.links.listPage({}, { limit: 1 });
		expect(links[0].id).toBe(newest.data[0].id);
	});
});
