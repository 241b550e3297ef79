/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * The trigger's link and campaign fields are the action node's pickers (same modes, same list search), and every way
 * of filling them — picked from the list, typed ID, short URL, or a plain ID string saved before they were pickers —
 * watches the same thing, through n8n's engine (poll-harness.ts) against the sandbox.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters, INodeProperties, IWorkflowBase } from 'n8n-workflow';

import type { Campaign, Link, LinkkitClient } from '../../core';
import { SETTLE_MS } from '../../core/polling';
import { linkPicker } from '../../nodes/Linkkit/actions/link/get.operation';
import { campaignPicker } from '../../nodes/Linkkit/actions/campaign/fields';
import { Linkkit } from '../../nodes/Linkkit/Linkkit.node';
import { LinkkitTrigger } from '../../nodes/LinkkitTrigger/LinkkitTrigger.node';
import { realClient } from '../support/fetch-port';
import { loadOptionsContextFor, NODE_TYPE, type SentRequest } from '../support/n8n-engine';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { poll, type PollMode } from './poll-harness';

let sandbox: RunningSandbox;
let client: LinkkitClient;
let campaign: Campaign;
let link: Link;

// The trigger hands items on once they are SETTLE_MS old by Linkkit's clock: each scheduled check here comes that much
// later on the sandbox's clock, as n8n's next check a minute later would.
let clockAhead = 0;

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: () => Date.now() + clockAhead });
	({ client } = realClient(sandbox.url, sandbox.apiKey));
	campaign = await client.campaigns.create({ name: 'Picker Trigger Campaign' });
	link = await client.links.create({ destination: 'https://example.com/picked', slug: 'picked-link', campaignId: campaign.id });
});
afterAll(async () => await sandbox.stop());

function run(mode: PollMode, parameters: INodeParameters, staticData: IDataObject, sent?: SentRequest[]) {
	if (mode === 'trigger') clockAhead += SETTLE_MS + 1_000;
	return poll({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, mode, parameters, staticData, sent });
}
const picked = (mode: string, value: string) => ({ __rl: true, mode, value });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function visit(slug: string): Promise<void> {
	const answer = await fetch(`${sandbox.url}/r/${slug}`, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)' } });
	if (answer.status !== 302) throw new Error(`visit /r/${slug} answered ${answer.status}`);
}

describe('the fields', () => {
	const trigger = new LinkkitTrigger();
	const field = (name: string) => trigger.description.properties.find((p) => p.name === name) as INodeProperties;

	it('links and campaigns are chosen with the action node\'s pickers and its list search', () => {
		for (const name of ['clickLinkId', 'milestoneLinkId']) expect(field(name).modes).toEqual(linkPicker.modes);
		for (const name of ['campaignId', 'clickCampaignId', 'milestoneCampaignId']) expect(field(name).modes).toEqual(campaignPicker.modes);
		expect(trigger.methods.listSearch).toBe(new Linkkit().methods.listSearch);
		expect(field('milestoneLinkId')).toMatchObject({ displayName: 'Link', required: true });
		expect(field('clickCampaignId')).toMatchObject({ displayName: 'Campaign', default: { mode: 'list', value: '' } });
	});

	it("the trigger's list search finds links and campaigns by what a person types", async () => {
		const context = loadOptionsContextFor(NODE_TYPE.trigger, { apiKey: sandbox.apiKey, baseUrl: sandbox.url }, [], 'parameters.clickLinkId');
		const links = await trigger.methods.listSearch.searchLinks.call(context, 'picked-link');
		expect(links.results.map((r) => r.value)).toEqual([link.id]);
		const campaigns = await trigger.methods.listSearch.searchCampaigns.call(context, 'picker trigger');
		expect(campaigns.results).toEqual([{ name: 'Picker Trigger Campaign', value: campaign.id }]);
	});
});

describe('every way of choosing watches the same thing', () => {
	it('New Link: the campaign from the list, by ID, or as a plain saved ID keeps one position', async () => {
		const staticData: IDataObject = {};
		expect(await run('trigger', { event: 'newLink', campaignId: picked('list', campaign.id) }, staticData)).toBeNull();
		await tick();
		const inCampaign = await client.links.create({ destination: 'https://example.com/in-campaign', campaignId: campaign.id });
		await client.links.create({ destination: 'https://example.com/elsewhere' });
		// The same campaign typed by ID, then as the plain string older workflows hold: the position carries on.
		expect((await run('trigger', { event: 'newLink', campaignId: picked('id', campaign.id) }, staticData))?.map((i) => i.id)).toEqual([inCampaign.id]);
		await tick();
		const next = await client.links.create({ destination: 'https://example.com/in-campaign-2', campaignId: campaign.id });
		expect((await run('trigger', { event: 'newLink', campaignId: campaign.id }, staticData))?.map((i) => i.id)).toEqual([next.id]);
	});

	it('New Click: a link by its short URL is looked up once, then each check costs one request again', async () => {
		const staticData: IDataObject = {};
		const parameters = { event: 'newClick', clickLinkId: picked('shortUrl', link.shortUrl) };
		const first: SentRequest[] = [];
		expect(await run('trigger', parameters, staticData, first)).toBeNull();
		expect(first.map((r) => new URL(r.url).pathname)).toEqual(['/v1/links/lookup', '/v1/analytics/clicks']);

		await visit('picked-link');
		const other = await client.links.create({ destination: 'https://example.com/other', slug: 'other-clicked' });
		await visit(other.slug);
		const second: SentRequest[] = [];
		const clicks = await run('trigger', parameters, staticData, second);
		expect(clicks?.map((c) => c.linkId)).toEqual([link.id]);
		expect(second.map((r) => new URL(r.url).pathname)).toEqual(['/v1/analytics/clicks']);
		expect(new URL(second[0].url).searchParams.get('linkId')).toBe(link.id);
	});

	it('Fetch Test Event with a short URL shows the link\'s click and leaves the saved state alone', async () => {
		const staticData: IDataObject = {};
		const shown = await run('manual', { event: 'newClick', clickLinkId: picked('shortUrl', link.shortUrl) }, staticData);
		expect(shown).toEqual([expect.objectContaining({ linkId: link.id })]);
		expect(staticData).toEqual({});
	});

	it('an unknown short URL says so before anything is watched', async () => {
		const error = await run('trigger', { event: 'newClick', clickLinkId: picked('shortUrl', 'https://lnkk.it/no-such-link') }, {}).catch((e: unknown) => e);
		expect(error).toMatchObject({ message: expect.stringMatching(/^No link matches/), httpCode: '404' });
	});

	it('Link Click Milestone with nothing chosen names the field and the ways to fill it in', async () => {
		const error = await run('trigger', { event: 'linkClickMilestone', milestoneLinkId: picked('list', '') }, {}).catch((e: unknown) => e);
		expect((error as Error).message).toBe('Choose the link to watch in "Link" (from the list, by ID or by URL).');
		const campaign = { event: 'linkClickMilestone', watch: 'campaign', milestoneCampaignId: picked('list', '') };
		await expect(run('trigger', campaign, {})).rejects.toThrow('Choose the campaign to watch in "Campaign" (from the list or by ID).');
	});

	it('Link Click Milestone by URL watches that link', async () => {
		const watched = await client.links.create({ destination: 'https://example.com/ms-url', slug: 'ms-url' });
		const parameters = { event: 'linkClickMilestone', watch: 'link', milestone: 1, milestoneLinkId: picked('shortUrl', watched.shortUrl) };
		const staticData: IDataObject = {};
		expect(await run('trigger', parameters, staticData)).toBeNull();
		await visit('ms-url');
		expect(await run('trigger', parameters, staticData)).toEqual([expect.objectContaining({ id: watched.id, milestone: 1 })]);
	});

	it("an ID that is not a link ID is refused by the field's label before anything is sent", async () => {
		const sent: SentRequest[] = [];
		const parameters = { event: 'newClick', clickLinkId: picked('id', '={{ "cmp_8f3k2m9q1x" }}') };
		await expect(run('trigger', parameters, {}, sent)).rejects.toThrow('Link: "cmp_8f3k2m9q1x" is not a link ID — link IDs look like lnk_8f3k2m9q1x');
		expect(sent).toEqual([]);
	});
});

describe('a workflow saved before the fields were pickers (plain ID strings)', () => {
	let savedLink: Link;
	beforeAll(async () => {
		savedLink = await client.links.create({ destination: 'https://example.com/saved', slug: 'saved-shape', campaignId: campaign.id });
	});
	const saved = () =>
		JSON.parse(
			readFileSync(join(__dirname, 'fixtures/saved-before-pickers.json'), 'utf8')
				.replaceAll('{{CAMPAIGN_ID}}', campaign.id)
				.replaceAll('{{LINK_ID}}', savedLink.id),
		) as IWorkflowBase;
	const parametersOf = (name: string) => saved().nodes.find((node) => node.name === name)!.parameters;

	it('runs each trigger as saved, and switching the field to a picker keeps its position', async () => {
		const newLinks = parametersOf('New links in the campaign');
		expect(newLinks.campaignId).toBe(campaign.id);
		const newLinksState: IDataObject = {};
		expect(await run('trigger', newLinks, newLinksState)).toBeNull();

		await visit('saved-shape');
		const milestone = parametersOf('The link reaches 2 clicks');
		const milestoneState: IDataObject = {};
		expect(await run('trigger', milestone, milestoneState)).toBeNull();

		const clicks = parametersOf('Clicks on the link');
		expect(await run('manual', clicks, {})).toEqual([expect.objectContaining({ linkId: savedLink.id })]);

		await tick();
		const added = await client.links.create({ destination: 'https://example.com/saved-shape', campaignId: campaign.id });
		expect((await run('trigger', newLinks, newLinksState))?.map((i) => i.id)).toEqual([added.id]);
		await tick();
		const again = await client.links.create({ destination: 'https://example.com/saved-shape-2', campaignId: campaign.id });
		expect((await run('trigger', { ...newLinks, campaignId: picked('list', campaign.id) }, newLinksState))?.map((i) => i.id)).toEqual([again.id]);

		// One click when the watch began; two more take the link past 2 once, now watched through the picker.
		await visit('saved-shape');
		await visit('saved-shape');
		const watched = { ...milestone, milestoneLinkId: picked('id', savedLink.id) };
		expect((await run('trigger', watched, milestoneState))?.map((i) => [i.id, i.clicks, i.milestone])).toEqual([[savedLink.id, 3, 2]]);
		expect(await run('trigger', watched, milestoneState)).toBeNull();
	});
});
