/**
 * The pickers' lists (the node's `methods.listSearch`) through n8n-core's LoadOptionsContext against the sandbox:
 * what the editor shows while a person picks, narrowed by what they type, and the value saved for each.
 */

import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { linkkitNode, loadOptionsContext } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox({ rateLimitHeaders: 'full' });
});
afterAll(async () => await sandbox.stop());

type Search = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;
const search = (method: string, filter?: string, token?: string) =>
	((linkkitNode.methods.listSearch as Record<string, Search>)[method]).call(loadOptionsContext(sandbox.url, sandbox.apiKey), filter, token);
const api = () => realClient(sandbox.url, sandbox.apiKey).client;

describe('links', () => {
	it('a page of 50 at a time, newest first, with a token for the next; each saved by its short code', async () => {
		const total = sandbox.counts().links;
		const first = await search('searchLinks');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await search('searchLinks', undefined, first.paginationToken);
		expect(second.results).toHaveLength(total - 50);
		expect(second.paginationToken).toBeUndefined();
		const newest = (await api().links.listPage({}, 1, 1)).data[0];
		expect(first.results[0].value).toBe(newest.short_code);
		expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(total);
	});

	it('typing narrows by destination or title, and a typed short code finds its link', async () => {
		await api().links.upsert('picker-find', { original_url: 'https://find-me.example.org/page', title: 'Findable page' });
		expect((await search('searchLinks', 'FIND-ME.example')).results).toEqual([{ name: 'Findable page (https://uselinkkit.com/picker-find)', value: 'picker-find' }]);
		expect((await search('searchLinks', 'picker-find')).results.map((r) => r.value)).toEqual(['picker-find']);
	});
});

describe('lists Linkkit answers whole', () => {
	it.each([
		['searchSegments', async () => (await api().segments.list()).map((s) => [s.name, s.id])],
		['searchCampaignSettings', async () => (await api().campaignSettings.list()).map((s) => [s.name, s.id])],
		['searchTags', async () => (await api().tags.list()).map((s) => [s.name, s.id])],
		['searchDomains', async () => (await api().account.domains()).map((d) => [d.is_verified ? d.domain : `${d.domain} (not verified)`, d.id])],
		['searchCustomDomains', async () => (await api().account.domains()).map((d) => [d.is_verified ? d.domain : `${d.domain} (not verified)`, d.domain])],
	])('%s: every one, saved by its ID (custom domains by name); typing narrows by name', async (method, expected) => {
		const all = await search(method);
		const want = await expected();
		expect(want.length).toBeGreaterThan(1);
		expect(all.results.map((r) => [r.name, r.value])).toEqual(want);
		const typed = String(want[0][0]).slice(0, 4).toUpperCase();
		const narrowed = await search(method, typed);
		expect(narrowed.results.length).toBeGreaterThan(0);
		expect(narrowed.results.every((r) => r.name.toUpperCase().includes(typed))).toBe(true);
	});

	it('QR codes by name and URL', async () => {
		const qr = await api().qrCodes.create({ url: 'https://example.com/qr-picker', name: 'Picker QR' });
		const { results } = await search('searchQrCodes', 'picker qr');
		expect(results).toEqual([{ name: 'Picker QR (https://example.com/qr-picker)', value: qr.id }]);
	});
});

it('a wrong key: the picker shows Linkkit’s refusal as an n8n error', async () => {
	const context = loadOptionsContext(sandbox.url, 'lk_test_wrong');
	await expect(((linkkitNode.methods.listSearch as Record<string, Search>).searchTags).call(context)).rejects.toMatchObject({
		name: 'NodeApiError',
		httpCode: '401',
		message: expect.stringMatching(/^API key missing or incorrect/),
	});
});
