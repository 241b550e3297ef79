/**
 * Every Linkkit Trigger event through n8n's engine against the sandbox over HTTP, on a sandbox clock the suite moves a
 * minute per check: the first check only records where things stand (the seeded history is never sent); later checks
 * hand on each new item once, oldest first, once it is 12 s old by Linkkit's clock, in the action node's shape; a
 * check with nothing new costs what the node says it costs.
 */

import type { IDataObject } from 'n8n-workflow';

import { SETTLE_MS } from '../../core';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { SandboxApi, type Json } from './sandbox-api';
import { TriggerDriver } from './trigger-driver';

const MINUTE = 60_000;
let clock = Date.UTC(2026, 10, 20, 9, 0, 0);
let sandbox: RunningSandbox;
let api: SandboxApi;

beforeAll(async () => {
	// The rate limiter runs on the same clock; it is not what this suite is about (its headers tell the pacer so).
	sandbox = await startTestSandbox({ now: () => clock, rate: 1_000_000, burst: 1_000_000, rateLimitHeaders: 'full' });
	api = new SandboxApi(sandbox);
});
afterAll(async () => await sandbox.stop());

const driver = (parameters: IDataObject) => new TriggerDriver({ baseUrl: sandbox.url, apiKey: sandbox.apiKey }, parameters as never);
/** The next check comes a minute later on Linkkit's clock. */
async function nextCheck(...drivers: TriggerDriver[]): Promise<void> {
	clock += MINUTE;
	for (const trigger of drivers) await trigger.check();
}
const tick = (ms = 7) => (clock += ms);

test('New Link: history is not sent; new links once, oldest first, with short_url; a bulk import at one instant comes whole', async () => {
	const links = driver({ event: 'newLink' });
	await links.check();
	expect(links.emitted).toEqual([]);
	expect(links.requestsPerCheck).toEqual([1]);

	const made: Json[] = [];
	for (let i = 0; i < 5; i++) {
		tick(1_000);
		made.push(await api.createLink(`https://example.com/new/${i}`));
	}
	tick();
	const bulk = await api.bulk(Array.from({ length: 250 }, (_, i) => `https://example.com/bulk/${i}`));
	expect(bulk.created).toBe(250);
	await nextCheck(links);
	expect(links.emitted).toHaveLength(255);
	expect(links.ids().slice(0, 5)).toEqual(made.map((link) => link.id));
	expect(new Set(links.ids()).size).toBe(255);
	expect(links.emitted[0]).toMatchObject({ short_code: made[0].short_code, short_url: `https://uselinkkit.com/${String(made[0].short_code)}`, original_url: 'https://example.com/new/0' });
	await nextCheck(links);
	expect(links.emitted).toHaveLength(255);
	expect(links.requestsPerCheck.at(-1)).toBe(1);
	expect(links.stateBytes()).toBeLessThan(200);
});

test(`a link is handed on once it is ${SETTLE_MS / 1000} s old by Linkkit's clock, not before`, async () => {
	const links = driver({ event: 'newLink' });
	await links.check();
	clock += MINUTE;
	const early = await api.createLink('https://example.com/settle/early');
	clock += 5_000;
	const fresh = await api.createLink('https://example.com/settle/fresh');
	clock += SETTLE_MS - 2_000;
	expect((await links.check()).map((item) => item.id)).toEqual([early.id]);
	clock += 3_000;
	expect((await links.check()).map((item) => item.id)).toEqual([fresh.id]);
});

test('New Link in a segment: only links created in it', async () => {
	const segment = await api.createSegment('Spring launch');
	const inSegment = driver({ event: 'newLink', segment: { __rl: true, mode: 'list', value: segment.id } });
	await inSegment.check();
	tick(1_000);
	const inside = await api.createLink('https://example.com/segment/in', { list_id: segment.id });
	tick(1_000);
	await api.createLink('https://example.com/segment/out');
	await nextCheck(inSegment);
	expect(inSegment.ids()).toEqual([inside.id]);
});

test('Updated Link: each change once, oldest change first; a new link is no change; one request per 100 links', async () => {
	const updates = driver({ event: 'updatedLink' });
	await updates.check();
	const [, second, , fourth] = await api.links('&page=2');
	tick(1_000);
	const changedLater = await api.updateLink(String(fourth.short_code), { title: 'Changed first' });
	tick(1_000);
	const changedFirst = await api.updateLink(String(second.short_code), { title: 'Changed second' });
	tick(1_000);
	await api.createLink('https://example.com/not-an-update');
	await nextCheck(updates);
	expect(updates.emitted.map((item) => [item.short_code, item.title])).toEqual([
		[changedLater.short_code, 'Changed first'],
		[changedFirst.short_code, 'Changed second'],
	]);
	// The same link changed again is another event.
	tick(1_000);
	await api.updateLink(String(fourth.short_code), { title: 'Changed again' });
	await nextCheck(updates);
	expect(updates.emitted.map((item) => item.title)).toEqual(['Changed first', 'Changed second', 'Changed again']);
	const total = sandbox.counts().links;
	expect(updates.requestsPerCheck.at(-1)).toBe(Math.ceil(total / 100));
	expect(updates.stateBytes()).toBeLessThan(200);
});

test('New Click: clicks on the link once, oldest first, each carrying the link (short_code, short_url); one request when nothing is new', async () => {
	const link = await api.createLink('https://example.com/clicked');
	const code = String(link.short_code);
	const clicks = driver({ event: 'newClick', link: { __rl: true, mode: 'shortCode', value: code } });
	await api.visit(code);
	await nextCheck(clicks);
	expect(clicks.emitted).toEqual([]);
	for (let i = 0; i < 3; i++) {
		tick(2_000);
		await api.visit(code);
	}
	await nextCheck(clicks);
	expect(clicks.emitted).toHaveLength(3);
	expect(clicks.emitted[0]).toMatchObject({ short_code: code, short_url: `https://uselinkkit.com/${code}`, link_id: link.id, device: 'desktop' });
	const times = clicks.emitted.map((click) => String(click.clicked_at));
	expect(times).toEqual([...times].sort());
	await nextCheck(clicks);
	expect(clicks.requestsPerCheck.at(-1)).toBe(1);
	// The check that handed clicks on read the link once more.
	expect(clicks.requestsPerCheck[1]).toBe(2);
});

test('New Conversion: leads, sales or both, once each, oldest first', async () => {
	const both = driver({ event: 'newConversion', conversionType: 'both' });
	const sales = driver({ event: 'newConversion', conversionType: 'sale' });
	await both.check();
	await sales.check();
	tick(1_000);
	const lead = await api.track('lead', 'cus_trigger_1');
	tick(1_000);
	const sale = await api.track('sale', 'cus_trigger_1', { invoice_id: 'inv_trigger_1' });
	await nextCheck(both, sales);
	expect(both.ids()).toEqual([lead.id, sale.id]);
	expect(sales.ids()).toEqual([sale.id]);
	expect(sales.emitted[0]).toMatchObject({ type: 'sale', amount: 4999, invoice_id: 'inv_trigger_1' });
});

test('New Segment: one request a check; a new segment once', async () => {
	const segments = driver({ event: 'newSegment' });
	await segments.check();
	tick(1_000);
	const made = await api.createSegment('Trigger segment');
	await nextCheck(segments);
	await nextCheck(segments);
	expect(segments.ids()).toEqual([made.id]);
	expect(segments.requestsPerCheck).toEqual([1, 1, 1]);
});

test('changing the event or a filter starts over: the first check after it only records where things stand', async () => {
	const trigger = driver({ event: 'newLink' });
	await trigger.check();
	tick(1_000);
	await api.createLink('https://example.com/before-change');
	const segment = await api.createSegment('Changed filter');
	trigger.parameters = { event: 'newLink', segment: { __rl: true, mode: 'id', value: String(segment.id) } };
	await nextCheck(trigger);
	expect(trigger.emitted).toEqual([]);
	tick(1_000);
	const inside = await api.createLink('https://example.com/after-change', { list_id: segment.id });
	await nextCheck(trigger);
	expect(trigger.ids()).toEqual([inside.id]);
});
