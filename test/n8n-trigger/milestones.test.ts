/**
 * Click Milestone through n8n's engine against the sandbox over HTTP: links already past the milestone when the
 * workflow is published are history; every link of a segment fires once when it reaches it (oldest link first when
 * several do in one check), links added to the segment later are watched too; one link can be given by its short URL.
 * A check costs one request per link still below the milestone plus the segment's pages, as the node says.
 */

import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { SandboxApi, type Json } from './sandbox-api';
import { TriggerDriver } from './trigger-driver';

const MINUTE = 60_000;
let clock = Date.UTC(2026, 10, 24, 9, 0, 0);
let sandbox: RunningSandbox;
let api: SandboxApi;

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: () => clock, rate: 1_000_000, burst: 1_000_000, rateLimitHeaders: 'full' });
	api = new SandboxApi(sandbox);
});
afterAll(async () => await sandbox.stop());

async function check(trigger: TriggerDriver): Promise<Json[]> {
	clock += MINUTE;
	return await trigger.check();
}

test('every link of a segment fires once per milestone; history does not; links added later are watched', async () => {
	const segment = await api.createSegment('Milestone campaign');
	const links: Json[] = [];
	for (let i = 0; i < 130; i++) {
		clock += 10;
		links.push(await api.createLink(`https://example.com/milestone/${i}`, { list_id: segment.id }));
	}
	const code = (i: number) => String(links[i].short_code);
	sandbox.injectClicks(code(5), 12);
	const trigger = new TriggerDriver({ baseUrl: sandbox.url, apiKey: sandbox.apiKey }, {
		event: 'clickMilestone',
		watch: 'segment',
		milestoneSegment: { __rl: true, mode: 'list', value: String(segment.id) },
		milestone: 10,
	});
	await check(trigger);
	expect(trigger.emitted).toEqual([]);

	sandbox.injectClicks(code(100), 10);
	sandbox.injectClicks(code(7), 15);
	sandbox.injectClicks(code(5), 30);
	await check(trigger);
	expect(trigger.emitted.map((item) => [item.short_code, item.milestone, item.clicks])).toEqual([
		[code(7), 10, 15],
		[code(100), 10, 10],
	]);
	expect(trigger.emitted[0]).toMatchObject({ id: links[7].id, short_url: `https://uselinkkit.com/${code(7)}`, list_id: segment.id });

	sandbox.injectClicks(code(7), 100);
	const late = await api.createLink('https://example.com/milestone/late', { list_id: segment.id });
	await api.visit(String(late.short_code));
	await check(trigger);
	sandbox.injectClicks(String(late.short_code), 9);
	await check(trigger);
	await check(trigger);
	expect(trigger.emitted.map((item) => item.short_code)).toEqual([code(7), code(100), late.short_code]);

	// Two pages of 131 links, and a count for each of the 127 links still below 10 clicks.
	expect(trigger.requestsPerCheck.at(-1)).toBe(2 + 131 - 4);
	// The state names the links that reached the milestone, nothing more.
	expect(trigger.stateBytes()).toBeLessThan(400);
});

test('one link by its short URL: fires once when it reaches the milestone, then costs nothing to watch', async () => {
	const link = await api.createLink('https://example.com/one-milestone');
	const code = String(link.short_code);
	const trigger = new TriggerDriver({ baseUrl: sandbox.url, apiKey: sandbox.apiKey }, {
		event: 'clickMilestone',
		watch: 'link',
		milestoneLink: { __rl: true, mode: 'shortUrl', value: `https://uselinkkit.com/${code}` },
		milestone: 3,
	});
	await check(trigger);
	for (let i = 0; i < 3; i++) await api.visit(code);
	await check(trigger);
	await api.visit(code);
	await check(trigger);
	expect(trigger.emitted).toEqual([expect.objectContaining({ id: link.id, short_code: code, milestone: 3, clicks: 3 })]);
	expect(trigger.requestsPerCheck).toEqual([1, 2, 0]);
});

test('a different milestone starts over: links already past it are history', async () => {
	const link = await api.createLink('https://example.com/milestone-change');
	const code = String(link.short_code);
	sandbox.injectClicks(code, 50);
	const trigger = new TriggerDriver({ baseUrl: sandbox.url, apiKey: sandbox.apiKey }, { event: 'clickMilestone', watch: 'link', milestoneLink: code, milestone: 10 });
	await check(trigger);
	trigger.parameters = { ...trigger.parameters, milestone: 40 };
	await check(trigger);
	trigger.parameters = { ...trigger.parameters, milestone: 60 };
	await check(trigger);
	sandbox.injectClicks(code, 10);
	await check(trigger);
	expect(trigger.emitted.map((item) => [item.milestone, item.clicks])).toEqual([[60, 60]]);
});
