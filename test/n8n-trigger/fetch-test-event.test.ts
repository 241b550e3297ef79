/**
 * "Fetch Test Event" (n8n's manual mode, run in n8n's WorkflowExecute as the editor's button does): each event shows
 * its newest real item, in the shape a check hands on, without moving the trigger's place; with nothing to show it
 * says what to do. Against the sandbox over HTTP.
 */

import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { SandboxApi } from './sandbox-api';
import { TriggerDriver } from './trigger-driver';

const MINUTE = 60_000;
let clock = Date.UTC(2026, 10, 26, 9, 0, 0);
let sandbox: RunningSandbox;
let api: SandboxApi;

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: () => clock, rate: 1_000_000, burst: 1_000_000, rateLimitHeaders: 'full' });
	api = new SandboxApi(sandbox);
});
afterAll(async () => await sandbox.stop());

const driver = (parameters: Record<string, unknown>) => new TriggerDriver({ baseUrl: sandbox.url, apiKey: sandbox.apiKey }, parameters as never);

test('New Link: the newest link, and the trigger still hands it on later (the mark did not move)', async () => {
	const trigger = driver({ event: 'newLink' });
	await trigger.check();
	const state = JSON.stringify(trigger.staticData);
	clock += 1_000;
	const link = await api.createLink('https://example.com/test-event');
	expect(await trigger.fetchTestEvent()).toEqual([expect.objectContaining({ id: link.id, short_url: `https://uselinkkit.com/${String(link.short_code)}` })]);
	expect(JSON.stringify(trigger.staticData)).toBe(state);
	clock += MINUTE;
	expect((await trigger.check()).map((item) => item.id)).toEqual([link.id]);
});

test('Updated Link: the most recently changed link', async () => {
	const [, link] = await api.links();
	clock += 1_000;
	await api.updateLink(String(link.short_code), { title: 'Newest change' });
	expect(await driver({ event: 'updatedLink' }).fetchTestEvent()).toEqual([expect.objectContaining({ id: link.id, title: 'Newest change' })]);
});

test('New Click: the newest click on the link, carrying the link; a link without clicks says so', async () => {
	const link = await api.createLink('https://example.com/test-click');
	const code = String(link.short_code);
	const trigger = driver({ event: 'newClick', link: { __rl: true, mode: 'shortCode', value: code } });
	await expect(trigger.fetchTestEvent()).rejects.toThrow('This link has no clicks in the last 30 days');
	await api.visit(code);
	expect(await trigger.fetchTestEvent()).toEqual([expect.objectContaining({ short_code: code, link_id: link.id, short_url: `https://uselinkkit.com/${code}` })]);
});

test('New Conversion, New Segment: the newest one', async () => {
	clock += 1_000;
	const sale = await api.track('sale', 'cus_test_event');
	expect(await driver({ event: 'newConversion', conversionType: 'sale' }).fetchTestEvent()).toEqual([expect.objectContaining({ id: sale.id, type: 'sale' })]);
	clock += 1_000;
	const segment = await api.createSegment('Newest segment');
	expect(await driver({ event: 'newSegment' }).fetchTestEvent()).toEqual([expect.objectContaining({ id: segment.id, name: 'Newest segment' })]);
});

test('Click Milestone: the watched link with the most clicks; an empty segment says so', async () => {
	const segment = await api.createSegment('Test event milestone');
	const parameters = { event: 'clickMilestone', watch: 'segment', milestoneSegment: { __rl: true, mode: 'id', value: segment.id }, milestone: 1000 };
	await expect(driver(parameters).fetchTestEvent()).rejects.toThrow('The watched segment has no links yet');
	const quiet = await api.createLink('https://example.com/quiet', { list_id: segment.id });
	const busy = await api.createLink('https://example.com/busy', { list_id: segment.id });
	sandbox.injectClicks(String(quiet.short_code), 2);
	sandbox.injectClicks(String(busy.short_code), 7);
	expect(await driver(parameters).fetchTestEvent()).toEqual([expect.objectContaining({ id: busy.id, clicks: 7, milestone: 1000 })]);
});

test("a link that is not there: the error names Linkkit's answer", async () => {
	await expect(driver({ event: 'newClick', link: { __rl: true, mode: 'shortCode', value: 'nosuchcode' } }).fetchTestEvent()).rejects.toThrow(/not found/i);
});
