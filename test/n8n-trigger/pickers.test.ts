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

beforeAll(async () => {
	sandbox = await startTestSandbox();
	({ client } = realClient(sandbox.url, sandbox.apiKey));
	campaign = await client.campaigns.create({ name: 'Picker Trigger Campaign' });
	link = await client.links.create({ destination: 'https://example.com/picked', slug: 'picked-link', campaignId: campaign.id });
});
afterAll(async () => await sandbox.stop());

const run = (mode: PollMode, parameters: INodeParameters, staticData: IDataObject, sent?: SentRequest[]) =>
	poll({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, mode, parameters, staticData, sent });
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

	it('Link Click Milestone with nothing chosen asks for the link, naming the ways to choose it', async () => {
		const error = await run('trigger', { event: 'linkClickMilestone', milestoneLinkId: picked('list', '') }, {}).catch((e: unknown) => e);
		expect((error as Error).message).toBe('Choose the link to watch: from the list, by ID or by its short URL.');
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
