/** Link operations of the Linkkit node against the sandbox over HTTP (see harness.ts for what is real). */

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { collect } from '../../core';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { byId, nodeRunner, runNode, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.stop());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);

describe('Link → Create, Get, Update, Delete', () => {
	it('creates a link with additional fields, reads it by ID and by short URL, updates and deletes it', async () => {
		const created = await run({
			resource: 'link',
			operation: 'create',
			destination: 'https://example.com/spring',
			additionalFields: {
				slug: 'spring-crud',
				title: 'Spring sale',
				tags: 'sale, spring',
				utmSource: 'newsletter',
				expiresAt: '2030-01-01T00:00:00',
			},
		});
		expect(created.items).toHaveLength(1);
		const link = created.items[0].json;
		expect(link).toMatchObject({ destination: 'https://example.com/spring', slug: 'spring-crud', title: 'Spring sale', tags: ['sale', 'spring'] });
		expect(link.utm).toMatchObject({ source: 'newsletter' });
		expect(link.expiresAt).toBe('2030-01-01T00:00:00.000Z');
		expect(created.items[0].pairedItem).toEqual({ item: 0 });

		const byIdRun = await run({ resource: 'link', operation: 'get', linkId: byId(link.id as string), simplify: false });
		expect(byIdRun.items[0].json).toEqual(link);

		const byShortUrl = await run({ resource: 'link', operation: 'get', linkId: { __rl: true, mode: 'shortUrl', value: link.shortUrl } });
		// Simplify is on by default: UTM and route detail are left out; what is kept has Create's shape.
		expect(byShortUrl.items[0].json).toEqual({
			id: link.id,
			shortUrl: link.shortUrl,
			domain: link.domain,
			slug: 'spring-crud',
			destination: link.destination,
			title: link.title,
			tags: ['sale', 'spring'],
			campaignId: link.campaignId,
			clicks: link.clicks,
			expiresAt: link.expiresAt,
			createdAt: link.createdAt,
			updatedAt: link.updatedAt,
		});

		const updated = await run({ resource: 'link', operation: 'update', linkId: byId(link.id as string), updateFields: { title: 'Summer sale', tags: 'summer' } });
		expect(updated.items[0].json).toMatchObject({ id: link.id, title: 'Summer sale', tags: ['summer'], slug: 'spring-crud' });

		const emptyUpdate = await run({ resource: 'link', operation: 'update', linkId: byId(link.id as string), updateFields: {} }).catch((e: unknown) => e);
		expect(emptyUpdate).toMatchObject({ name: 'NodeOperationError' });
		expect((emptyUpdate as NodeOperationError).message).toBe('Update Fields: give at least one field to change');
		expect((emptyUpdate as NodeOperationError).description).toBe('Check the "Update Fields" field.');

		const deleted = await run({ resource: 'link', operation: 'delete', linkId: byId(link.id as string) });
		expect(deleted.items[0].json).toEqual({ id: link.id, deleted: true });
		await expect(run({ resource: 'link', operation: 'get', linkId: byId(link.id as string) })).rejects.toMatchObject({ name: 'NodeApiError' });
	});

	it('maps per-item values given as expressions and pairs every output with its input item', async () => {
		const items = [{ url: 'https://example.com/a', name: 'A' }, { url: 'https://example.com/b', name: 'B' }];
		const result = await run(
			{ resource: 'link', operation: 'create', destination: '={{ $json.url }}', additionalFields: { title: '={{ $json.name }}' } },
			{ items, executionId: 'exec-expressions' },
		);
		expect(result.items.map((i) => [i.json.destination, i.json.title, i.pairedItem])).toEqual([
			['https://example.com/a', 'A', { item: 0 }],
			['https://example.com/b', 'B', { item: 1 }],
		]);
	});
});

describe('Link → Get Many', () => {
	it('returns all links with Return All, and exactly the limit otherwise', async () => {
		const total = sandbox.counts().links;
		const all = await run({ resource: 'link', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(total);
		expect(all.sent.length).toBe(Math.ceil(total / 100));
		const few = await run({ resource: 'link', operation: 'getMany', limit: 7 });
		expect(few.items).toHaveLength(7);
		expect(few.items[0].json).not.toHaveProperty('utm');
		expect(few.items.map((i) => i.pairedItem)).toEqual(Array(7).fill({ item: 0 }));
	});

	it('passes the filters to Linkkit', async () => {
		await run({ resource: 'link', operation: 'create', destination: 'https://filters.example.org/x', additionalFields: { tags: 'only-here' } }, { executionId: 'exec-filters' });
		const result = await run({
			resource: 'link',
			operation: 'getMany',
			returnAll: true,
			filters: { tag: 'only-here', search: 'filters.example.org', createdAfter: '2000-01-01' },
		});
		expect(result.items.map((i) => i.json.destination)).toEqual(['https://filters.example.org/x']);
		const query = new URL(result.sent[0].url).searchParams;
		expect(Object.fromEntries(query)).toMatchObject({ tag: 'only-here', search: 'filters.example.org', createdAfter: '2000-01-01T00:00:00.000Z' });
	});
});

describe('Link errors', () => {
	it('refuses a bad destination before sending anything, naming the field and the item', async () => {
		const sent: SentRequest[] = [];
		const error = await run(
			{ resource: 'link', operation: 'create', destination: '={{ $json.url }}' },
			{ items: [{ url: 'https://example.com/ok' }, { url: 'javascript:alert(1)' }], sent, executionId: 'exec-bad-input' },
		).catch((e: unknown) => e);
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		const nodeError = error as NodeOperationError;
		expect(nodeError.message).toMatch(/^Destination URL: only http:\/\/ and https:\/\/ addresses/);
		expect(nodeError.description).toBe('Check the "Destination URL" field.');
		expect((nodeError as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
		// Every item is checked before the first create goes out (as Create Many does): not even item 0 was sent.
		expect(sent).toEqual([]);
	});

	it('with Continue On Fail, a bad item becomes an error item paired with its input and the rest go on', async () => {
		const result = await run(
			{ resource: 'link', operation: 'create', destination: '={{ $json.url }}' },
			{ items: [{ url: 'not a url' }, { url: 'https://example.com/fine' }], continueOnFail: true, executionId: 'exec-cof' },
		);
		expect(result.items[0]).toEqual({ json: expect.objectContaining({ error: expect.stringMatching(/^Destination URL: /) }), pairedItem: { item: 0 } });
		expect(result.items[1].json.destination).toBe('https://example.com/fine');
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});

	it('a read-only key gets a NodeApiError that names the missing scope, keeping status and request id', async () => {
		const error = (await runNode({
			baseUrl: sandbox.url,
			apiKey: sandbox.readOnlyKey,
			parameters: { resource: 'link', operation: 'create', destination: 'https://example.com/nope' },
		}).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toMatchObject({ name: 'NodeApiError' });
		expect(error.message).toContain('"links:write"');
		expect(error.httpCode).toBe('403');
		expect(error.description).toMatch(/HTTP 403 · code forbidden · request id req_/);

		const asItem = await runNode({
			baseUrl: sandbox.url,
			apiKey: sandbox.readOnlyKey,
			continueOnFail: true,
			parameters: { resource: 'link', operation: 'delete', linkId: byId('lnk_doesnotmatter') },
		});
		expect(asItem.items[0].json).toMatchObject({ code: 'forbidden', httpCode: '403', requestId: expect.stringMatching(/^req_/) });
		expect(asItem.items[0].json.error).toContain('"links:write"');
	});

	it('a link picker given a wrong ID prefix is refused before sending: by n8n when typed, by the node when mapped', async () => {
		const sent: SentRequest[] = [];
		// Typed into "By ID": n8n checks the picker's own rule and does not start the node.
		await expect(run({ resource: 'link', operation: 'get', linkId: byId('cmp_123') }, { sent })).rejects.toThrow(
			/The 'Linkkit' node has issues:\s+- A link ID starts with lnk_, e.g. lnk_8f3k2m9q1x/,
		);
		// Mapped from an earlier node: n8n cannot check it beforehand, so the node does.
		await expect(run({ resource: 'link', operation: 'get', linkId: byId('={{ $json.id }}') }, { sent, items: [{ id: 'cmp_123' }] })).rejects.toThrow(
			/Link: "cmp_123" is not a link ID/,
		);
		expect(sent).toHaveLength(0);
	});
});

describe('idempotent creates', () => {
	it('running Create twice in the same execution (Retry On Fail, a re-run) creates one link; a new execution creates another', async () => {
		const destination = `https://idempotent.example.org/${Date.now()}`;
		const parameters = { resource: 'link', operation: 'create', destination };
		const first = await run(parameters, { executionId: 'exec-idem' });
		const second = await run(parameters, { executionId: 'exec-idem' });
		expect(second.items[0].json.id).toBe(first.items[0].json.id);
		const { client } = realClient(sandbox.url, sandbox.apiKey);
		const count = async () => (await collect(client.links.iterate({ search: destination }, { returnAll: true }))).length;
		expect(await count()).toBe(1);

		await run(parameters, { executionId: 'exec-idem-2' });
		expect(await count()).toBe(2);
	});
});
