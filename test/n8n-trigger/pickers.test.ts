/**
 * The trigger's link and segment fields are the action node's pickers (same modes, same list searches, run through
 * n8n-core's LoadOptionsContext), and every way of filling them — picked from the list, a short code, a short URL, a
 * segment ID, or a plain string from an expression — watches the same thing and keeps the same place.
 */

import type { INodeProperties } from 'n8n-workflow';

import { LinkkitTrigger } from '../../nodes/LinkkitTrigger/LinkkitTrigger.node';
import { loadOptionsContextFor, NODE_TYPE } from '../support/n8n-engine';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { SandboxApi, type Json } from './sandbox-api';
import { TriggerDriver } from './trigger-driver';

const MINUTE = 60_000;
let clock = Date.UTC(2026, 10, 27, 9, 0, 0);
let sandbox: RunningSandbox;
let api: SandboxApi;
let link: Json;
let segment: Json;

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: () => clock, rate: 1_000_000, burst: 1_000_000, rateLimitHeaders: 'full' });
	api = new SandboxApi(sandbox);
	segment = await api.createSegment('Picker segment');
	link = await api.createLink('https://example.com/picked-for-the-trigger', { title: 'Picked for the trigger', list_id: segment.id });
});
afterAll(async () => await sandbox.stop());

const trigger = new LinkkitTrigger();
/** What the saved place is tied to (event and options): the same key means the trigger kept its place. */
const keyOf = (driver: TriggerDriver) => (driver.staticData.linkkit as { key: string }).key;
const field = (name: string) => trigger.description.properties.find((property) => property.name === name) as INodeProperties;

test('the link fields offer the list, a short code and a short URL; the segment fields the list and an ID', () => {
	for (const name of ['link', 'milestoneLink']) expect(field(name).modes?.map((mode) => mode.name)).toEqual(['list', 'shortCode', 'shortUrl']);
	for (const name of ['segment', 'milestoneSegment']) expect(field(name).modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
	const searches = Object.keys(trigger.methods.listSearch);
	for (const name of ['link', 'segment']) expect(searches).toContain(field(name).modes?.[0].typeOptions?.searchListMethod);
});

test('the searches behind them find the link by its title and the segment by its name', async () => {
	const context = loadOptionsContextFor(NODE_TYPE.trigger, { apiKey: sandbox.apiKey, baseUrl: sandbox.url });
	const links = await trigger.methods.listSearch.searchLinks.call(context, 'Picked for the trigger');
	expect(links.results.map((result) => result.value)).toContain(link.short_code);
	const segments = await trigger.methods.listSearch.searchSegments.call(context, 'picker');
	expect(segments.results).toEqual([{ name: 'Picker segment', value: segment.id }]);
});

test('every way of giving the link watches it and keeps one place: a change of mode is not a change of link', async () => {
	const code = String(link.short_code);
	const ways = [
		{ __rl: true, mode: 'list', value: code },
		{ __rl: true, mode: 'shortCode', value: code },
		{ __rl: true, mode: 'shortUrl', value: `https://uselinkkit.com/${code}` },
		`https://go.acme.test/${code}`,
		code,
	];
	const clicks = new TriggerDriver({ baseUrl: sandbox.url, apiKey: sandbox.apiKey }, { event: 'newClick', link: ways[0] });
	await clicks.check();
	const place = keyOf(clicks);
	for (const way of ways.slice(1)) {
		clicks.parameters = { event: 'newClick', link: way };
		clock += 1_000;
		await clicks.check();
		expect(keyOf(clicks)).toBe(place);
	}
	clock += 1_000;
	await api.visit(code);
	clock += MINUTE;
	expect(await clicks.check()).toEqual([expect.objectContaining({ short_code: code })]);
});

test('a segment from the list, by ID or as a plain string: the same filter', async () => {
	const id = String(segment.id);
	const ways = [{ __rl: true, mode: 'list', value: id }, { __rl: true, mode: 'id', value: id.toUpperCase() }, id];
	const links = new TriggerDriver({ baseUrl: sandbox.url, apiKey: sandbox.apiKey }, { event: 'newLink', segment: ways[0] });
	await links.check();
	const place = keyOf(links);
	for (const way of ways.slice(1)) {
		links.parameters = { event: 'newLink', segment: way };
		await links.check();
		expect(keyOf(links)).toBe(place);
	}
});

test('a segment that is not an ID is refused, naming the field', async () => {
	const links = new TriggerDriver({ baseUrl: sandbox.url, apiKey: sandbox.apiKey }, { event: 'newLink', segment: { __rl: true, mode: 'id', value: 'spring' } });
	await expect(links.check()).rejects.toThrow(/Segment/);
});
