/** The pickers' list search (campaigns, segments, links) and the segment drop-down, with pagination. */

import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { linkkitNode, loadOptionsContext, runNode } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.stop());

const listSearch = () => linkkitNode.methods.listSearch;

describe('list search', () => {
	it('pages through every link with the pagination token, without repeats', async () => {
		const context = loadOptionsContext(sandbox.url, sandbox.apiKey);
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await listSearch().searchLinks.call(context, undefined, token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken;
			pages++;
		} while (token);
		expect(pages).toBe(Math.ceil(sandbox.counts().links / 50));
		expect(new Set(seen).size).toBe(sandbox.counts().links);
		expect(seen.every((id) => id.startsWith('lnk_'))).toBe(true);
	});

	it('gives link results no open-in-browser address: opening the short link would count a real click', async () => {
		const context = loadOptionsContext(sandbox.url, sandbox.apiKey);
		const page = await listSearch().searchLinks.call(context);
		expect(page.results.length).toBeGreaterThan(0);
		expect(page.results.filter((r) => 'url' in r)).toEqual([]);
	});

	it('filters campaigns and segments by name, and shows names with IDs as values', async () => {
		const created = await runNode({
			baseUrl: sandbox.url,
			apiKey: sandbox.apiKey,
			parameters: { resource: 'campaign', operation: 'create', name: 'Zebra Picker Test' },
		});
		const context = loadOptionsContext(sandbox.url, sandbox.apiKey);
		const campaigns = await listSearch().searchCampaigns.call(context, 'zebra picker');
		expect(campaigns.results).toEqual([{ name: 'Zebra Picker Test', value: created.items[0].json.id }]);
		expect(campaigns.paginationToken).toBeUndefined();

		const allSegments = await listSearch().searchSegments.call(context);
		expect(allSegments.results.length).toBeGreaterThan(0);
		const one = allSegments.results[0];
		const filtered = await listSearch().searchSegments.call(context, String(one.name));
		expect(filtered.results).toContainEqual(one);

		const dropDown = await linkkitNode.methods.loadOptions.getSegments.call(context);
		expect(dropDown.map((o) => o.value).sort()).toEqual(allSegments.results.map((r) => r.value).sort());
	});
});
