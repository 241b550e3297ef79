/**
 * Every trigger through createAppTester against the sandbox, held to Zapier's rules: ids unique, newest first, at
 * most 100 new items per poll and the rest on the next polls, outputs shaped like the samples. The sandbox's clock is
 * moved on instead of waiting for items to settle (12 s by Linkkit's clock).
 */
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { app, appRunner, failureOf, movableClock, PAST_SETTLE_MS, type Bundle, type Item } from './support/app';
import { expectDedupeContract, expectOutputFieldsDescribe, expectSameShape } from './support/shape';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;
let api: ReturnType<typeof realClient>['client'];
const clock = movableClock();

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: clock.now });
	run = appRunner(sandbox);
	api = realClient(sandbox.url, sandbox.apiKey).client;
});
afterAll(() => sandbox.stop());

const poll = (key: string, bundle: Bundle = {}) => run<Item[]>(`triggers.${key}.operation.perform`, bundle);
const createLink = (inputData: Item) => run<Item>('creates.create_link.operation.perform', { inputData });
let unique = 0;
const code = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${unique++}`;

/**
 * A Zap as Zapier runs it: one z.cache (one runner), one Zap id, and Zapier's dedupe — the ids it has seen. Each poll
 * says which of its items are new, and fails the test if Zapier would hold it (more than 100 new).
 */
function zap(key: string, inputData: Item = {}, zapId = `zap_${key}_${unique++}`) {
	const zapRun = appRunner(sandbox);
	const seen = new Set<unknown>();
	return {
		seen,
		async poll(meta: Item = {}): Promise<{ all: Item[]; fresh: Item[] }> {
			const all = await zapRun<Item[]>(`triggers.${key}.operation.perform`, { inputData, meta: { zap: { id: zapId }, ...meta } });
			const fresh = all.filter((item) => !seen.has(item.id));
			for (const item of all) seen.add(item.id);
			expect(fresh.length).toBeLessThanOrEqual(100);
			return { all, fresh };
		},
		/** Zapier turning the Zap on: the poll fills the dedupe table and runs nothing. */
		async turnOn() {
			await this.poll({ isPopulatingDedupe: true });
		},
	};
}

describe('New Link', () => {
	test('a link is handed on once it has settled (12 s by Linkkit\'s clock), newest first, shaped like the sample', async () => {
		const watcher = zap('new_link');
		await watcher.turnOn();
		const link = await createLink({ original_url: 'https://example.com/trigger/new', title: 'Fresh' });
		expect((await watcher.poll()).fresh).toEqual([]);
		clock.advance(PAST_SETTLE_MS);
		const { all, fresh } = await watcher.poll();
		expect(fresh.map((item) => item.id)).toEqual([link.id]);
		expect(all[0]).toEqual(link);
		expectDedupeContract(all, (item) => item.created_at);
		expectSameShape(all[0], app.triggers.new_link.operation.sample);
		expect((await watcher.poll()).fresh).toEqual([]);
	});

	test('250 links imported at once arrive over three polls: 100, 100, 50 — none twice, none left out', async () => {
		const watcher = zap('new_link');
		await watcher.turnOn();
		const urls = Array.from({ length: 250 }, (_, i) => `https://bulk.example.org/burst/${i}`);
		expect((await api.bulk.importBatch(urls.map((original_url) => ({ original_url })))).created).toBe(250);
		clock.advance(PAST_SETTLE_MS);
		const counts: number[] = [];
		const delivered: Item[] = [];
		for (let i = 0; i < 4; i++) {
			const { all, fresh } = await watcher.poll();
			expectDedupeContract(all, (item) => item.created_at);
			counts.push(fresh.length);
			delivered.push(...fresh);
		}
		expect(counts).toEqual([100, 100, 50, 0]);
		expect(delivered.map((link) => link.original_url).sort()).toEqual([...urls].sort());
		// Handed on oldest first across polls: each poll's new links are all older than the next poll's.
		for (let i = 100; i < delivered.length; i += 100) {
			expect(Date.parse(String(delivered[i - 1].created_at))).toBeLessThanOrEqual(Date.parse(String(delivered[i].created_at)));
		}
	}, 60_000);

	test('two Zaps on one connection each get every link: a Zap\'s position is its own', async () => {
		const first = zap('new_link');
		const second = zap('new_link');
		await first.turnOn();
		await second.turnOn();
		await api.bulk.importBatch(Array.from({ length: 150 }, (_, i) => ({ original_url: `https://bulk.example.org/two-zaps/${i}` })));
		clock.advance(PAST_SETTLE_MS);
		const got = { first: 0, second: 0 };
		for (let i = 0; i < 3; i++) {
			got.first += (await first.poll()).fresh.length;
			got.second += (await second.poll()).fresh.length;
		}
		expect(got).toEqual({ first: 150, second: 150 });
	}, 60_000);

	test('the segment filter hands on only links created in that segment, with the segment\'s name', async () => {
		const [segment] = await api.segments.list();
		const watcher = zap('new_link', { list_id: segment.id });
		await watcher.turnOn();
		const inside = await createLink({ original_url: 'https://example.com/trigger/in', list_id: segment.id });
		await createLink({ original_url: 'https://example.com/trigger/out' });
		clock.advance(PAST_SETTLE_MS);
		const { fresh } = await watcher.poll();
		expect(fresh).toEqual([expect.objectContaining({ id: inside.id, list_id: segment.id, list_name: segment.name })]);
	});

	test('loading samples in the Zap editor shows the newest three at once, unsettled included, and moves nothing', async () => {
		const watcher = zap('new_link');
		await watcher.turnOn();
		const newest = await createLink({ original_url: 'https://example.com/trigger/sample' });
		const { all } = await watcher.poll({ isLoadingSample: true });
		expect(all).toHaveLength(3);
		expect(all[0].id).toBe(newest.id);
		watcher.seen.clear();
		clock.advance(PAST_SETTLE_MS);
		expect((await watcher.poll()).all[0].id).toBe(newest.id);
	});

	test('without a position (a Zap never polled, or its cache entry gone), a poll is the newest 100 settled links', async () => {
		const all = await poll('new_link');
		expect(all).toHaveLength(100);
		expectDedupeContract(all, (item) => item.created_at);
	});
});

describe('Updated Link', () => {
	test('each edit is its own item (link id + edit time); a new link is not an edit', async () => {
		const watcher = zap('updated_link');
		await watcher.turnOn();
		const link = await createLink({ original_url: 'https://example.com/trigger/edit', short_code: code('edit') });
		clock.advance(1_000);
		const edited = await run<Item>('creates.update_link.operation.perform', { inputData: { link: link.short_code, title: 'Edited once' } });
		clock.advance(PAST_SETTLE_MS);
		const first = await watcher.poll();
		expect(first.fresh).toEqual([expect.objectContaining({ id: `${link.id}-${edited.updated_at}`, link_id: link.id, title: 'Edited once' })]);
		expectDedupeContract(first.all, (item) => item.updated_at);
		expectSameShape(first.all[0], app.triggers.updated_link.operation.sample);
		clock.advance(1_000);
		const again = await run<Item>('creates.update_link.operation.perform', { inputData: { link: link.short_code, title: 'Edited twice' } });
		clock.advance(PAST_SETTLE_MS);
		expect((await watcher.poll()).fresh).toEqual([expect.objectContaining({ id: `${link.id}-${again.updated_at}`, title: 'Edited twice' })]);
	});

	test('the help text says what each check costs', () => {
		const [segment] = app.triggers.updated_link.operation.inputFields as Array<{ helpText: string }>;
		expect(segment.helpText).toMatch(/one request per 100 links/);
	});
});

describe('New Click', () => {
	test('clicks on the chosen link, each naming the link; a burst of 230 arrives 100 at a time', async () => {
		const link = await createLink({ original_url: 'https://example.com/trigger/clicks', title: 'Clicked', short_code: code('clk') });
		const watcher = zap('new_click', { link: link.short_url });
		await watcher.turnOn();
		for (let i = 0; i < 3; i++) await fetch(`${sandbox.url}/r/${link.short_code}`, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' } });
		clock.advance(PAST_SETTLE_MS);
		const first = await watcher.poll();
		expect(first.fresh).toHaveLength(3);
		expect(first.fresh[0]).toMatchObject({ link_id: link.id, short_code: link.short_code, short_url: link.short_url, link_title: 'Clicked' });
		expectSameShape(first.fresh[0], app.triggers.new_click.operation.sample);
		sandbox.injectClicks(String(link.short_code), 230, { spreadMs: 5_000 });
		clock.advance(PAST_SETTLE_MS);
		const counts: number[] = [];
		for (let i = 0; i < 4; i++) {
			const { all, fresh } = await watcher.poll();
			expectDedupeContract(all, (item) => item.clicked_at);
			counts.push(fresh.length);
		}
		expect(counts).toEqual([100, 100, 30, 0]);
		expect(watcher.seen.size).toBe(233);
	}, 60_000);

	test('a link that no longer exists fails the poll with Linkkit\'s 404', async () => {
		const error = await failureOf(poll('new_click', { inputData: { link: 'gone-gone-gone' } }));
		expect(error.status).toBe(404);
		expect(error.message).toMatch(/check the short code/);
	});
});

describe('Click Milestone', () => {
	test('fires once when the link reaches the milestone (id = link + milestone), not before and not again', async () => {
		const link = await createLink({ original_url: 'https://example.com/trigger/milestone', short_code: code('mil') });
		const watcher = zap('click_milestone', { link: link.short_code, milestone: 5 });
		await watcher.turnOn();
		sandbox.injectClicks(String(link.short_code), 4);
		expect((await watcher.poll()).fresh).toEqual([]);
		sandbox.injectClicks(String(link.short_code), 3);
		const { fresh } = await watcher.poll();
		expect(fresh).toEqual([expect.objectContaining({ id: `${link.id}-5`, milestone: 5, clicks: 7, link_id: link.id, short_url: link.short_url })]);
		expectSameShape(fresh[0], app.triggers.click_milestone.operation.sample);
		expect((await watcher.poll()).fresh).toEqual([]);
	});

	test('a milestone that is no whole number of 1 or more is refused before any request', async () => {
		sandbox.stats.clear();
		const error = await failureOf(poll('click_milestone', { inputData: { link: 'abc123', milestone: '0' } }));
		expect(error.message).toMatch(/^Milestone \(Clicks\): "0" is not a whole number of clicks of 1 or more\. Nothing was sent to Linkkit\.$/);
		expect(sandbox.stats.current().requests).toBe(0);
	});
});

describe('New Conversion', () => {
	test('leads and sales as they are recorded; the Type filter keeps one kind', async () => {
		const all = zap('new_conversion');
		const sales = zap('new_conversion', { type: 'sale' });
		await all.turnOn();
		await sales.turnOn();
		const lead = await run<Item>('creates.track_lead.operation.perform', { inputData: { customer_external_id: 'cus_trigger' } });
		const sale = await run<Item>('creates.track_sale.operation.perform', { inputData: { customer_external_id: 'cus_trigger', amount: 1500 } });
		clock.advance(PAST_SETTLE_MS);
		const both = await all.poll();
		expect(both.fresh.map((c) => c.id).sort()).toEqual([lead.id, sale.id].sort());
		expectDedupeContract(both.all, (item) => item.created_at);
		expectSameShape(both.fresh[0], app.triggers.new_conversion.operation.sample);
		expect((await sales.poll()).fresh.map((c) => c.id)).toEqual([sale.id]);
	});

	test('a type that is neither lead nor sale is refused before any request', async () => {
		sandbox.stats.clear();
		const error = await failureOf(poll('new_conversion', { inputData: { type: 'refund' } }));
		expect(error.message).toMatch(/^Type: "refund" is not lead or sale\./);
		expect(sandbox.stats.current().requests).toBe(0);
	});
});

describe('dropdowns', () => {
	test('Link: pages of 100 as the user scrolls (Zapier\'s page 0, 1, …), each with the short code as value and a label', async () => {
		const total = sandbox.counts().links;
		const ids: unknown[] = [];
		for (let page = 0; page < 20; page++) {
			const items = await poll('link_list', { meta: { page, isFillingDynamicDropdown: true } });
			if (!items.length) break;
			for (const item of items) expect(item).toEqual({ id: expect.any(String), short_code: expect.any(String), short_url: expect.any(String), label: expect.any(String) });
			ids.push(...items.map((item) => item.id));
		}
		expect(ids).toHaveLength(total);
		expect(new Set(ids).size).toBe(total);
	});

	test.each([
		['segment_list', 'lists'],
		['campaign_setting_list', 'utmTemplates'],
		['domain_list', 'domains'],
	] as const)('%s lists them all, shaped like its sample', async (key, counted) => {
		const items = await poll(key);
		expect(items).toHaveLength(sandbox.counts()[counted]);
		for (const item of items) expectSameShape(item, app.triggers[key].operation.sample);
	});

	test('an unverified domain says so in its label', async () => {
		const labels = (await poll('domain_list')).map((item) => item.label);
		expect(labels).toContain('links.acme.test (not verified)');
		expect(labels).toContain('go.acme.test');
	});
});

test('every trigger\'s outputFields describe its sample (keys and types)', () => {
	for (const [key, trigger] of Object.entries(app.triggers)) {
		if (trigger.display.hidden) continue;
		expectOutputFieldsDescribe(trigger.operation.sample, (trigger.operation.outputFields as Array<{ key: string; type?: string }>) ?? []);
		expect(key).toBe(trigger.key);
	}
});
