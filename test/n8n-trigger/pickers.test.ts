/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * The trigger's link and campaign fields are pickers like the action node's (From List, By ID, and By URL (the short URL) for
 * links), and workflows saved before the pickers, which hold a plain ID string, keep working with their mark.
 */

import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import type { LinkkitClient } from '../../core';
import { SETTLE_MS } from '../../core/polling';
import { Linkkit } from '../../nodes/Linkkit/Linkkit.node';
import { LinkkitTrigger } from '../../nodes/LinkkitTrigger/LinkkitTrigger.node';
import { loadOptionsContext, type SentRequest } from '../n8n-node/harness';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { poll, type PollMode } from './poll-harness';

let sandbox: RunningSandbox;
let client: LinkkitClient;
// The trigger hands on items once they are SETTLE_MS old by Linkkit's clock: the sandbox's clock is moved forward
// (`settle()`) instead of waiting, as in manual-mode.test.ts.
let clockAhead = 0;
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

const trigger = new LinkkitTrigger();
const field = (properties: INodeProperties[], name: string) => properties.find((p) => p.name === name && p.type === 'resourceLocator');

const run = (mode: PollMode, parameters: INodeParameters, staticData: IDataObject, sent?: SentRequest[]) =>
	poll({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, mode, parameters, staticData, sent });

async function visit(slug: string): Promise<void> {
	const answer = await fetch(`${sandbox.url}/r/${slug}`, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' } });
	if (answer.status !== 302) throw new Error(`visit /r/${slug} answered ${answer.status}`);
}

/** A distinct instant per item, so "new since the mark" is unambiguous. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * A workflow as n8n saved it before the pickers (exported JSON): the trigger's filters are plain ID strings. Only the
 * trigger node's parameters matter to a poll; the rest is there so the fixture reads like the real export.
 */
function workflowSavedBeforePickers(parameters: IDataObject) {
	return JSON.parse(
		JSON.stringify({
			name: 'Saved before the pickers',
			nodes: [
				{
					parameters,
					id: '1b7f3c2e-0000-4000-8000-000000000001',
					name: 'Linkkit Trigger',
					type: 'n8n-nodes-linkkit.linkkitTrigger',
					typeVersion: 1,
					position: [0, 0],
					credentials: { linkkitApi: { id: 'cred-1', name: 'Linkkit account' } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		}),
	) as { nodes: Array<{ parameters: INodeParameters }> };
}

/** What the editor saves once such a workflow is opened and a picker is touched: the same ID, as a picker value. */
const asPicked = (id: string) => ({ __rl: true, mode: 'id', value: id });

describe('the trigger fields', () => {
	const pickers = {
		campaignId: 'campaign',
		clickLinkId: 'link',
		clickCampaignId: 'campaign',
		milestoneLinkId: 'link',
		milestoneCampaignId: 'campaign',
	} as const;
	const actionProperties = new Linkkit().description.properties;

	test.each(Object.entries(pickers))('%s is a picker with the action node’s modes and list search', (name, kind) => {
		const picker = field(trigger.description.properties, name);
		expect(picker).toBeDefined();
		// The action node's own picker of the same kind (Get's Link, Campaign → Get's Campaign).
		const actionPicker = actionProperties.find((p) => p.type === 'resourceLocator' && p.name === `${kind}Id`);
		expect(picker!.modes).toEqual(actionPicker!.modes);
		expect(picker!.modes!.map((m) => m.name)).toEqual(kind === 'link' ? ['list', 'id', 'shortUrl'] : ['list', 'id']);
		const method = picker!.modes!.find((m) => m.name === 'list')!.typeOptions!.searchListMethod!;
		expect(typeof (trigger.methods.listSearch as Record<string, unknown>)[method]).toBe('function');
		expect(picker!.displayName).toBe(kind === 'link' ? 'Link' : 'Campaign');
	});

	test('the list searches run through the trigger node and show the account’s links and campaigns', async () => {
		const campaign = await client.campaigns.create({ name: 'Trigger Picker Campaign' });
		const link = await client.links.create({ destination: 'https://example.com/trigger-picker', slug: 'trigger-picker', title: 'Trigger picker' });
		const context = loadOptionsContext(sandbox.url, sandbox.apiKey);
		const campaigns = await trigger.methods.listSearch.searchCampaigns.call(context, 'trigger picker');
		expect(campaigns.results).toEqual([{ name: 'Trigger Picker Campaign', value: campaign.id }]);
		const links = await trigger.methods.listSearch.searchLinks.call(context, 'trigger-picker');
		expect(links.results.map((r) => r.value)).toEqual([link.id]);
	});
});

describe('a workflow saved with plain ID strings', () => {
	test('New Click: clicks on the saved link only; after the editor saves a picker value the mark carries on', async () => {
		const watched = await client.links.create({ destination: 'https://example.com/watched', slug: 'old-watched' });
		await client.links.create({ destination: 'https://example.com/other', slug: 'old-other' });
		const [node] = workflowSavedBeforePickers({ event: 'newClick', clickLinkId: watched.id }).nodes;
		const staticData: IDataObject = {};

		expect(await run('trigger', node.parameters, staticData)).toBeNull();
		await tick();
		await visit('old-other');
		await visit('old-watched');
		settle();
		const first = await run('trigger', node.parameters, staticData);
		expect(first?.map((click) => click.linkId)).toEqual([watched.id]);

		// Re-saved by the new editor: a picker value holding the same ID. Not a new filter, so no fresh start.
		await tick();
		await visit('old-watched');
		settle();
		const next = await run('trigger', { ...node.parameters, clickLinkId: asPicked(watched.id) }, staticData);
		expect(next?.map((click) => click.linkId)).toEqual([watched.id]);
	});

	test('New Link: the saved campaign still filters, in trigger mode and in Fetch Test Event', async () => {
		const campaign = await client.campaigns.create({ name: 'Old shape campaign' });
		const [node] = workflowSavedBeforePickers({ event: 'newLink', campaignId: campaign.id }).nodes;
		const staticData: IDataObject = {};
		expect(await run('trigger', node.parameters, staticData)).toBeNull();
		await tick();
		const inCampaign = await client.links.create({ destination: 'https://example.com/in', campaignId: campaign.id });
		await tick();
		await client.links.create({ destination: 'https://example.com/outside' });
		settle();
		expect((await run('trigger', node.parameters, staticData))?.map((link) => link.id)).toEqual([inCampaign.id]);
		expect((await run('manual', node.parameters, {}))?.map((link) => link.id)).toEqual([inCampaign.id]);
	});

	test('Link Click Milestone: the saved link ID is watched', async () => {
		const link = await client.links.create({ destination: 'https://example.com/ms', slug: 'old-milestone' });
		const [node] = workflowSavedBeforePickers({ event: 'linkClickMilestone', watch: 'link', milestoneLinkId: link.id, milestone: 2 }).nodes;
		const staticData: IDataObject = {};
		expect(await run('trigger', node.parameters, staticData)).toBeNull();
		await visit('old-milestone');
		await visit('old-milestone');
		expect(await run('trigger', node.parameters, staticData)).toEqual([expect.objectContaining({ id: link.id, clicks: 2, milestone: 2 })]);
		expect(await run('trigger', node.parameters, staticData)).toBeNull();
	});
});

describe('picker values', () => {
	test('From List and By URL name the same link: clicks on it only, and the mark is shared', async () => {
		const watched = await client.links.create({ destination: 'https://example.com/by-url', slug: 'by-url' });
		await client.links.create({ destination: 'https://example.com/not-this', slug: 'not-this' });
		const fromList = { event: 'newClick', clickLinkId: { __rl: true, mode: 'list', value: watched.id } };
		const byUrl = { event: 'newClick', clickLinkId: { __rl: true, mode: 'shortUrl', value: watched.shortUrl } };
		const staticData: IDataObject = {};
		expect(await run('trigger', fromList, staticData)).toBeNull();
		await tick();
		await visit('not-this');
		await visit('by-url');
		settle();
		const sent: SentRequest[] = [];
		expect((await run('trigger', byUrl, staticData, sent))?.map((click) => click.linkId)).toEqual([watched.id]);
		// The short URL is looked up on each check, then the clicks are read: two requests.
		expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/v1/links/lookup', '/v1/analytics/clicks']);
	});

	test('Link Click Milestone by short URL watches that link', async () => {
		const link = await client.links.create({ destination: 'https://example.com/ms-url', slug: 'ms-url' });
		const parameters = { event: 'linkClickMilestone', watch: 'link', milestone: 1, milestoneLinkId: { __rl: true, mode: 'shortUrl', value: link.shortUrl } };
		const staticData: IDataObject = {};
		expect(await run('trigger', parameters, staticData)).toBeNull();
		await visit('ms-url');
		expect(await run('trigger', parameters, staticData)).toEqual([expect.objectContaining({ id: link.id, milestone: 1 })]);
	});

	test('an ID that is not a link ID is refused by the field’s label before anything is sent', async () => {
		const sent: SentRequest[] = [];
		const parameters = { event: 'newClick', clickLinkId: { __rl: true, mode: 'id', value: 'cmp_8f3k2m9q1x' } };
		await expect(run('trigger', parameters, {}, sent)).rejects.toThrow('Link: "cmp_8f3k2m9q1x" is not a link ID — link IDs look like lnk_8f3k2m9q1x');
		expect(sent).toEqual([]);
	});

	test('an empty required picker says which field to fill in', async () => {
		const parameters = { event: 'linkClickMilestone', watch: 'campaign', milestoneCampaignId: { __rl: true, mode: 'list', value: '' } };
		await expect(run('trigger', parameters, {})).rejects.toThrow('Choose the campaign to watch in "Campaign".');
	});
});
