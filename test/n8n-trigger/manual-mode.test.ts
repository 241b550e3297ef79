/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * The real Linkkit Trigger's poll() against the sandbox over HTTP: "Fetch Test Event" (manual mode) shows the newest
 * item of each event without moving the mark; trigger mode records the mark first, then sends what is new once.
 * The trigger hands on items once they are SETTLE_MS old by Linkkit's clock: the sandbox runs on a clock the tests
 * move forward (`settle()`) instead of waiting.
 */

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { LinkkitClient } from '../../core';
import { SETTLE_MS } from '../../core/polling';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { poll, type PollMode } from './poll-harness';

let sandbox: RunningSandbox;
let client: LinkkitClient;
let clockAhead = 0;
/** Lets everything created so far settle, as if the next poll came SETTLE_MS later. */
const settle = () => (clockAhead += SETTLE_MS + 1_000);

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: () => Date.now() + clockAhead });
});
afterAll(async () => {
	await sandbox.stop();
});
beforeEach(() => {
	sandbox.reset();
	({ client } = realClient(sandbox.url, sandbox.apiKey));
});

const run = (mode: PollMode, parameters: INodeParameters, staticData: IDataObject) =>
	poll({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, mode, parameters, staticData });

async function visit(slug: string): Promise<void> {
	const answer = await fetch(`${sandbox.url}/r/${slug}`, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' } });
	if (answer.status !== 302) throw new Error(`visit /r/${slug} answered ${answer.status}`);
}

/** A distinct creation instant per item, so "newest" and "oldest first" are unambiguous. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

interface EventCase {
	parameters: INodeParameters;
	/** Makes an item newer than everything in the account and returns what the event should show for it. */
	makeNewest(): Promise<IDataObject>;
}

const events: Record<string, () => Promise<EventCase>> = {
	'New Link': async () => ({
		parameters: { event: 'newLink' },
		makeNewest: async () => ({ id: (await client.links.create({ destination: 'https://example.com/manual-new' })).id }),
	}),
	'Updated Link': async () => {
		const [older] = (await client.links.listPage({ sort: 'createdAt' }, { limit: 1 })).data;
		return {
			parameters: { event: 'updatedLink' },
			makeNewest: async () => ({ id: older.id, title: (await client.links.update(older.id, { title: 'Changed for the test event' })).title }),
		};
	},
	'New Campaign': async () => ({
		parameters: { event: 'newCampaign' },
		makeNewest: async () => ({ id: (await client.campaigns.create({ name: 'Manual mode campaign' })).id }),
	}),
	'New Segment': async () => ({
		parameters: { event: 'newSegment' },
		makeNewest: async () => ({
			id: (await client.segments.create({ name: 'Manual mode segment', match: 'all', rules: [{ field: 'os', operator: 'is', value: 'iOS' }] })).id,
		}),
	}),
	'New Click': async () => {
		const link = await client.links.create({ destination: 'https://example.com/manual-click', slug: 'manual-click' });
		return {
			parameters: { event: 'newClick' },
			makeNewest: async () => {
				await visit('manual-click');
				const [click] = (await client.analytics.clicksPage({ linkId: link.id }, { limit: 1 })).data;
				return { id: click.id, linkId: link.id };
			},
		};
	},
	'Link Click Milestone': async () => {
		const campaign = await client.campaigns.create({ name: 'Manual mode milestone' });
		await client.links.create({ destination: 'https://example.com/m-a', slug: 'manual-ms-a', campaignId: campaign.id });
		const top = await client.links.create({ destination: 'https://example.com/m-b', slug: 'manual-ms-b', campaignId: campaign.id });
		return {
			parameters: { event: 'linkClickMilestone', watch: 'campaign', milestoneCampaignId: campaign.id, milestone: 2 },
			makeNewest: async () => {
				await visit('manual-ms-a');
				await visit('manual-ms-b');
				await visit('manual-ms-b');
				return { id: top.id, clicks: 2, milestone: 2 };
			},
		};
	},
};

describe('Fetch Test Event (manual mode)', () => {
	test.each(Object.keys(events))('%s: exactly the newest item, and the mark does not move', async (name) => {
		const { parameters, makeNewest } = await events[name]();
		const staticData: IDataObject = {};
		expect(await run('trigger', parameters, staticData)).toBeNull();
		const recorded = structuredClone(staticData);
		expect(recorded.linkkit).toBeDefined();

		await tick();
		const expected = await makeNewest();
		const shown = await run('manual', parameters, staticData);
		expect(shown).toEqual([expect.objectContaining(expected)]);
		expect(staticData).toEqual(recorded);

		// The mark stayed where it was, so the next real check still sends the item the test event showed.
		settle();
		const next = await run('trigger', parameters, staticData);
		expect(next?.map((item) => item.id)).toEqual([expected.id]);
	});

	test('with nothing recorded yet, manual mode leaves the static data empty', async () => {
		const staticData: IDataObject = {};
		expect(await run('manual', { event: 'newLink' }, staticData)).toHaveLength(1);
		expect(staticData).toEqual({});
	});
});

describe('trigger mode', () => {
	test('the first poll records the mark, the next sends the new links once oldest first, then nothing', async () => {
		const staticData: IDataObject = {};
		expect(await run('trigger', {}, staticData)).toBeNull();
		expect(staticData.linkkit).toEqual({ key: expect.any(String), position: { at: expect.any(String), id: expect.stringMatching(/^lnk_/) } });

		const created: string[] = [];
		for (const n of [1, 2, 3]) {
			await tick();
			created.push((await client.links.create({ destination: `https://example.com/after-mark-${n}` })).id);
		}
		// Not yet: they are younger than SETTLE_MS, and Linkkit may still be about to list older ones.
		expect(await run('trigger', {}, staticData)).toBeNull();
		settle();
		const second = await run('trigger', {}, staticData);
		expect(second?.map((item) => item.id)).toEqual(created);
		expect(await run('trigger', {}, staticData)).toBeNull();
	});
});

describe('Link Click Milestone state', () => {
	test('fires once per link, and forgets links that left the campaign so the state stays small', async () => {
		const campaign = await client.campaigns.create({ name: 'Milestone state' });
		const a = await client.links.create({ destination: 'https://example.com/ms-state-a', slug: 'ms-state-a', campaignId: campaign.id });
		const b = await client.links.create({ destination: 'https://example.com/ms-state-b', slug: 'ms-state-b', campaignId: campaign.id });
		const parameters = { event: 'linkClickMilestone', watch: 'campaign', milestoneCampaignId: campaign.id, milestone: 1 };
		const staticData: IDataObject = {};
		expect(await run('trigger', parameters, staticData)).toBeNull();
		await visit('ms-state-a');
		await visit('ms-state-b');
		expect((await run('trigger', parameters, staticData))?.map((item) => item.id)).toEqual([a.id, b.id]);
		await visit('ms-state-a');
		expect(await run('trigger', parameters, staticData)).toBeNull();
		await client.links.delete(a.id);
		expect(await run('trigger', parameters, staticData)).toBeNull();
		expect((staticData.linkkit as { fired: string[] }).fired).toEqual([b.id]);
	});
});
