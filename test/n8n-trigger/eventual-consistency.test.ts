/**
 * Lists up to 10 s behind the writes (the sandbox's `visibilityLagMs: 10000`, as `--visibility-lag 10000`): steady
 * new links, changes, clicks and conversions over 20 one-minute checks come out exactly once each, oldest first, with
 * a few dozen bytes of state and one request per check (Updated Link: one per 100 links).
 */

import type { IDataObject } from 'n8n-workflow';

import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { SandboxApi, type Json } from './sandbox-api';
import { TriggerDriver } from './trigger-driver';

const LAG_MS = 10_000;
const MINUTE = 60_000;
let clock = Date.UTC(2026, 10, 21, 9, 0, 0);
let sandbox: RunningSandbox;
let api: SandboxApi;

beforeAll(async () => {
	sandbox = await startTestSandbox({ visibilityLagMs: LAG_MS, now: () => clock, rate: 1_000_000, burst: 1_000_000, rateLimitHeaders: 'full' });
	api = new SandboxApi(sandbox);
});
afterAll(async () => await sandbox.stop());

/** A deterministic sequence in [0, 1), so a failure reproduces. */
let seed = 4242;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const byTime = (field: string) => (a: Json, b: Json) => String(a[field]).localeCompare(String(b[field]));

test('steady writes over 20 checks with lists up to 10 s behind: every event once, oldest first', async () => {
	const target = { baseUrl: sandbox.url, apiKey: sandbox.apiKey };
	const clicked = await api.createLink('https://example.com/lagging-clicks');
	const code = String(clicked.short_code);
	const triggers = {
		links: new TriggerDriver(target, { event: 'newLink' }),
		updates: new TriggerDriver(target, { event: 'updatedLink' }),
		clicks: new TriggerDriver(target, { event: 'newClick', link: { __rl: true, mode: 'shortUrl', value: `https://uselinkkit.com/${code}` } }),
		conversions: new TriggerDriver(target, { event: 'newConversion', conversionType: 'both' }),
	};
	clock += MINUTE;
	for (const trigger of Object.values(triggers)) await trigger.check();

	const links: Json[] = [];
	const updates: Json[] = [];
	const conversions: Json[] = [];
	const unchanged: Json[] = [];
	for (let minute = 0; minute < 20; minute++) {
		const start = clock;
		const moments = Array.from({ length: 16 }, () => start + Math.floor(random() * MINUTE)).sort((a, b) => a - b);
		for (const [i, at] of moments.entries()) {
			clock = at;
			const kind = i % 4;
			if (kind === 0) {
				const link = await api.createLink(`https://example.com/steady/${minute}/${i}`);
				links.push(link);
				unchanged.push(link);
			} else if (kind === 1 && unchanged.length > 2) {
				// Each link is changed once, so every change is its own event.
				const [link] = unchanged.splice(Math.floor(random() * (unchanged.length - 2)), 1);
				updates.push(await api.updateLink(String(link.short_code), { title: `Changed ${minute}/${i}` }));
			} else if (kind === 2) {
				await api.visit(code);
			} else {
				conversions.push(await api.track(i % 8 === 3 ? 'lead' : 'sale', `cus_${minute}_${i}`));
			}
		}
		clock = start + MINUTE;
		for (const trigger of Object.values(triggers)) await trigger.check();
	}
	clock += 2 * MINUTE;
	for (const trigger of Object.values(triggers)) await trigger.check();

	const ids = (items: Array<Json | IDataObject>) => items.map((item) => item.id);
	expect(ids(triggers.links.emitted)).toEqual(ids([...links].sort(byTime('created_at'))));
	expect(triggers.updates.emitted.map((item) => [item.id, item.updated_at])).toEqual([...updates].sort(byTime('updated_at')).map((item) => [item.id, item.updated_at]));
	expect(ids(triggers.conversions.emitted)).toEqual(ids([...conversions].sort(byTime('created_at'))));
	expect(triggers.clicks.emitted).toHaveLength(20 * 4);
	expect(new Set(ids(triggers.clicks.emitted)).size).toBe(80);
	const clickTimes = triggers.clicks.emitted.map((click) => String(click.clicked_at));
	expect(clickTimes).toEqual([...clickTimes].sort());
	expect(links.length).toBe(80);
	expect(updates.length).toBeGreaterThan(60);

	const linkPages = Math.ceil(sandbox.counts().links / 100);
	for (const [name, trigger] of Object.entries(triggers)) {
		expect({ name, bytes: trigger.stateBytes() < 200 }).toEqual({ name, bytes: true });
		// A click check that hands clicks on also reads the link; Updated Link reads every page.
		const allowed = name === 'updates' ? linkPages : name === 'clicks' ? 2 : 1;
		expect({ name, most: Math.max(...trigger.requestsPerCheck) <= allowed }).toEqual({ name, most: true });
	}
}, 120_000);
