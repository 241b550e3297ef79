/**
 * The real Linkkit Trigger's poll() against a sandbox whose lists trail the writes by up to 10 s (`visibilityLagMs`),
 * on a clock the test moves a minute per poll: steady inserts and updates across 20 polls come out exactly once each,
 * oldest first, with a few bytes of state (with no settle window the same run misses items); a burst of 20 000 clicks is handed on in chunks, each poll a bounded number
 * of requests, none read twice.
 */

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { collect } from '../../core';
import { MAX_ITEMS_PER_POLL } from '../../core/polling';
import type { SentRequest } from '../n8n-node/harness';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { poll } from './poll-harness';

const LAG_MS = 10_000;
const MINUTE = 60_000;
let clock = Date.now();
let sandbox: RunningSandbox;

beforeAll(async () => {
	// The rate limiter runs on the same clock; it is not what this suite is about.
	sandbox = await startTestSandbox({ visibilityLagMs: LAG_MS, now: () => clock, rate: 1_000_000, burst: 1_000_000 });
});
afterAll(() => sandbox.stop());

interface Trigger {
	parameters: INodeParameters;
	staticData: IDataObject;
	emitted: IDataObject[];
	requestsPerPoll: number[];
}

const trigger = (parameters: INodeParameters): Trigger => ({ parameters, staticData: {}, emitted: [], requestsPerPoll: [] });

async function check(t: Trigger): Promise<void> {
	const sent: SentRequest[] = [];
	const items = await poll({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, mode: 'trigger', parameters: t.parameters, staticData: t.staticData, sent });
	t.emitted.push(...(items ?? []));
	t.requestsPerPoll.push(sent.length);
}

/** A deterministic sequence in [0, 1), so a failure reproduces. */
let seed = 12345;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

const byTime = (field: string) => (a: IDataObject, b: IDataObject) =>
	String(a[field]).localeCompare(String(b[field])) || String(a.id).localeCompare(String(b.id));

test('steady inserts, updates and clicks over 20 polls with lists up to 10 s behind: each event once, oldest first', async () => {
	const { client } = realClient(sandbox.url, sandbox.apiKey);
	const triggers = {
		links: trigger({ event: 'newLink' }),
		updates: trigger({ event: 'updatedLink' }),
		clicks: trigger({ event: 'newClick' }),
		campaigns: trigger({ event: 'newCampaign' }),
	};
	for (const t of Object.values(triggers)) await check(t);

	const links: IDataObject[] = [];
	const updates: IDataObject[] = [];
	const clicks: string[] = [];
	const campaigns: IDataObject[] = [];
	const notUpdated: IDataObject[] = [];
	for (let minute = 0; minute < 20; minute++) {
		const start = clock;
		// 12 writes at random moments of the minute, in time order.
		const moments = Array.from({ length: 12 }, () => start + Math.floor(random() * MINUTE)).sort((a, b) => a - b);
		for (const [i, at] of moments.entries()) {
			clock = at;
			const kind = i % 4;
			if (kind === 0 || kind === 1) {
				const link = (await client.links.create({ destination: `https://example.com/steady/${minute}/${i}` })) as unknown as IDataObject;
				links.push(link);
				notUpdated.push(link);
			} else if (kind === 2 && notUpdated.length > 3) {
				// Each link is changed at most once, so every change is its own event.
				const [link] = notUpdated.splice(Math.floor(random() * (notUpdated.length - 3)), 1);
				updates.push((await client.links.update(String(link.id), { title: `Changed ${minute}/${i}` })) as unknown as IDataObject);
			} else if (kind === 3) {
				const target = links[Math.floor(random() * links.length)];
				const visit = await fetch(`${sandbox.url}/r/${target.slug}`, { redirect: 'manual', headers: { 'X-Visitor-Id': `v${minute}-${i}` } });
				expect(visit.status).toBe(302);
				if (minute % 5 === 0) campaigns.push((await client.campaigns.create({ name: `Steady ${minute}-${i}` })) as unknown as IDataObject);
			} else {
				continue;
			}
		}
		clock = start + MINUTE;
		for (const t of Object.values(triggers)) await check(t);
	}
	clock += 2 * MINUTE;
	for (const t of Object.values(triggers)) await check(t);

	const recorded = await collect(client.analytics.clicks({ from: new Date(clock - 30 * MINUTE).toISOString(), sort: 'timestamp' }, { returnAll: true }));
	clicks.push(...recorded.map((click) => click.id));

	const ids = (items: IDataObject[]) => items.map((item) => item.id);
	expect(ids(triggers.links.emitted)).toEqual(ids([...links].sort(byTime('createdAt'))));
	expect(triggers.updates.emitted.map((item) => [item.id, item.updatedAt])).toEqual(
		[...updates].sort(byTime('updatedAt')).map((item) => [item.id, item.updatedAt]),
	);
	expect(ids(triggers.clicks.emitted)).toEqual(clicks);
	expect(clicks.length).toBeGreaterThan(40);
	expect(ids(triggers.campaigns.emitted)).toEqual(ids(campaigns));
	for (const t of Object.values(triggers)) {
		// One position (plus at most one saved cursor): bounded whatever the workflow's age.
		expect(JSON.stringify(t.staticData).length).toBeLessThan(400);
		expect(Math.max(...t.requestsPerPoll)).toBeLessThanOrEqual(2);
	}
});

test('a burst of 20 000 clicks is handed on in chunks: every click once, each poll at most 11 requests', async () => {
	const { client } = realClient(sandbox.url, sandbox.apiKey);
	const link = await client.links.create({ destination: 'https://example.com/burst' });
	const clicks = trigger({ event: 'newClick', clickLinkId: link.id });
	await check(clicks);
	const burst = await fetch(`${sandbox.url}/__sandbox/clicks`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ linkId: link.id, count: 20_000, spreadMs: 50_000 }),
	});
	expect(burst.status).toBe(200);
	let polls = 0;
	while (clicks.emitted.length < 20_000 && polls < 30) {
		clock += MINUTE;
		await check(clicks);
		polls++;
	}
	expect(clicks.emitted).toHaveLength(20_000);
	expect(new Set(clicks.emitted.map((click) => click.id)).size).toBe(20_000);
	expect(clicks.emitted.map((click) => click.timestamp)).toEqual(clicks.emitted.map((click) => click.timestamp).sort());
	// The first check only recorded where things stood; then chunks of about MAX_ITEMS_PER_POLL.
	expect(polls).toBeLessThanOrEqual(Math.ceil(20_000 / MAX_ITEMS_PER_POLL));
	expect(Math.max(...clicks.requestsPerPoll)).toBeLessThanOrEqual(11);
	// 20 000 clicks in pages of 100 is 200 pages: the whole burst cost about that, nothing read twice.
	expect(clicks.requestsPerPoll.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(200 + polls + 1);
	clock += MINUTE;
	await check(clicks);
	expect(clicks.emitted).toHaveLength(20_000);
	expect(clicks.requestsPerPoll.at(-1)).toBe(1);
}, 120_000);
