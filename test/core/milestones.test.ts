/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/** The shared milestone rule (core/milestones) against the sandbox over real HTTP: what is watched, what has reached N. */

import { LinkkitError, linksAtMilestone, readMilestone, watchedLinks, type Link, type LinkkitClient } from '../../core';
import { realClient, type FetchPort } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';

let sandbox: RunningSandbox;
let client: LinkkitClient;
let port: FetchPort;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});
beforeEach(() => {
	sandbox.reset();
	({ client, port } = realClient(sandbox.url, sandbox.apiKey));
});

async function visit(slug: string): Promise<void> {
	const answer = await fetch(`${sandbox.url}/r/${slug}`, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)' } });
	expect(answer.status).toBe(302);
}

/** A distinct creation instant for each single link, so "oldest first" is observable. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function refusal(run: () => unknown): LinkkitError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(LinkkitError);
		return error as LinkkitError;
	}
	throw new Error('expected a refusal');
}

describe('readMilestone', () => {
	test('accepts whole numbers of 1 or more, given as numbers or text', () => {
		expect(readMilestone(1000)).toBe(1000);
		expect(readMilestone('25')).toBe(25);
	});

	test.each([0, -3, 2.5, 'lots', '', undefined])('refuses %p, naming the milestone field', (value) => {
		const error = refusal(() => readMilestone(value));
		expect(error.isInputError).toBe(true);
		expect(error.field).toBe('milestone');
		expect(error.message).toMatch(/^milestone: ".*" is not a whole number of clicks of 1 or more$/);
	});
});

describe('watchedLinks and linksAtMilestone', () => {
	test('one link: exactly that link, in one request', async () => {
		const link = await client.links.create({ destination: 'https://example.com/one', slug: 'ms-core-one' });
		port.exchanges.length = 0;
		const watched = await watchedLinks(client, { linkId: link.id });
		expect(watched.map((l) => l.id)).toEqual([link.id]);
		expect(port.exchanges).toHaveLength(1);
	});

	test('a campaign: every one of its links, past the first page, oldest first; reached ones keep that order', async () => {
		const campaign = await client.campaigns.create({ name: 'Milestone rule' });
		const oldest = await client.links.create({ destination: 'https://example.com/old', slug: 'ms-core-old', campaignId: campaign.id });
		await tick();
		const fillers = await client.links.createMany(
			Array.from({ length: 100 }, (_, i) => ({ destination: `https://example.com/f${i}`, campaignId: campaign.id })),
		);
		await tick();
		const newest = await client.links.create({ destination: 'https://example.com/new', slug: 'ms-core-new', campaignId: campaign.id });
		const elsewhere = await client.links.create({ destination: 'https://example.com/other', slug: 'ms-core-other' });
		await visit('ms-core-new');
		await visit('ms-core-old');
		await visit('ms-core-old');
		await visit('ms-core-other');
		await visit('ms-core-other');

		port.exchanges.length = 0;
		const watched = await watchedLinks(client, { campaignId: campaign.id });
		const fillerIds = fillers.data.map((entry) => ('link' in entry ? entry.link.id : 'failed'));
		expect(new Set(watched.map((l) => l.id))).toEqual(new Set([oldest.id, ...fillerIds, newest.id]));
		expect(watched).toHaveLength(102);
		expect(watched[0].id).toBe(oldest.id);
		expect(watched[watched.length - 1].id).toBe(newest.id);
		const created = watched.map((l: Link) => Date.parse(l.createdAt));
		expect(created).toEqual([...created].sort((a, b) => a - b));
		// 102 links in pages of 100: two requests, both for this campaign.
		expect(port.exchanges.map((e) => new URL(e.request.url).searchParams.get('campaignId'))).toEqual([campaign.id, campaign.id]);

		expect(linksAtMilestone(watched, 1).map((l) => l.id)).toEqual([oldest.id, newest.id]);
		expect(linksAtMilestone(watched, 2).map((l) => l.id)).toEqual([oldest.id]);
		expect(linksAtMilestone(watched, 3)).toEqual([]);
		expect(watched.map((l) => l.id)).not.toContain(elsewhere.id);
	});

	test('needs exactly one of a link and a campaign, refused before anything is sent', async () => {
		await expect(watchedLinks(client, {})).rejects.toMatchObject({ field: 'linkId', message: 'linkId: choose the link to watch, or a campaign' });
		await expect(watchedLinks(client, { linkId: 'lnk_a', campaignId: 'cmp_b' })).rejects.toMatchObject({ field: 'campaignId' });
		expect(port.exchanges).toHaveLength(0);
	});
});
