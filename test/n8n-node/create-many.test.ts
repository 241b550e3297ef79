/** Link → Create Many: 250 items in batches of ≤100, bad items failing alone. */

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { collect } from '../../core';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { runNode, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.stop());

const parameters = {
	resource: 'link',
	operation: 'createMany',
	destination: '={{ $json.url }}',
	additionalFields: { slug: '={{ $json.slug }}', tags: 'bulk' },
};

/** 250 rows: row 10 has an unusable URL (caught locally), row 120 reuses row 5's slug (refused by Linkkit). */
function rows(run: string) {
	return Array.from({ length: 250 }, (_, i) => ({
		url: i === 10 ? 'ftp://files.example.com/x' : `https://bulk.example.org/${run}/${i}`,
		slug: i === 120 ? `${run}-5` : `${run}-${i}`,
	}));
}

async function linksOf(run: string) {
	const { client } = realClient(sandbox.url, sandbox.apiKey);
	return await collect(client.links.iterate({ search: `bulk.example.org/${run}/` }, { returnAll: true }));
}

describe('Link → Create Many', () => {
	it('with Continue On Fail: one output per item in order, failures as error items, everything else created', async () => {
		const sent: SentRequest[] = [];
		const result = await runNode({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, parameters, items: rows('cof'), continueOnFail: true, sent, executionId: 'bulk-cof' });

		expect(sent.map((r) => [r.url.endsWith('/v1/links/bulk'), (r.body as { links: unknown[] }).links.length])).toEqual([
			[true, 100],
			[true, 100],
			[true, 49],
		]);
		expect(result.items).toHaveLength(250);
		expect(result.items.map((i) => i.pairedItem)).toEqual(Array.from({ length: 250 }, (_, item) => ({ item })));
		expect(result.items[10].json.error).toMatch(/^Destination URL: only http:\/\/ and https:\/\//);
		expect(result.items[120].json).toMatchObject({ code: 'conflict', error: expect.stringContaining('Linkkit did not create this link') });
		expect(result.items[121].json.slug).toBe('cof-121');
		const failures = result.items.filter((i) => 'error' in i.json).length;
		expect(failures).toBe(2);
		expect((await linksOf('cof')).length).toBe(248);
	});

	it('without Continue On Fail, a locally invalid item stops the run before anything is sent', async () => {
		const sent: SentRequest[] = [];
		const error = await runNode({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, parameters, items: rows('strict-local'), sent }).catch((e: unknown) => e);
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect((error as NodeOperationError).message).toMatch(/^Destination URL: /);
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(10);
		expect(sent).toHaveLength(0);
	});

	it('without Continue On Fail, an item Linkkit refuses throws with its item index and says what was already created', async () => {
		const items = rows('strict-api').map((row, i) => (i === 10 ? { ...row, url: 'https://bulk.example.org/strict-api/10' } : row));
		const sent: SentRequest[] = [];
		const error = (await runNode({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, parameters, items, sent, executionId: 'bulk-strict' }).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toMatchObject({ name: 'NodeApiError' });
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(120);
		// The batches go out together (the rate limit allows it): the one with the clash was still created apart from
		// that item, and the third batch, already on its way, finished too. The message counts them all.
		expect(error.description).toContain('249 link(s) were created before the run stopped at this item. Turn on "Continue On Fail"');
		expect(sent).toHaveLength(3);
		expect((await linksOf('strict-api')).length).toBe(249);
	});

	it('without Continue On Fail, batches not yet sent when a refusal comes back are not sent, and the message says so', async () => {
		// One request at a time (burst 1, 2 a second): the refusal in the first batch is known before the others start.
		sandbox.setRateLimit(2, 1);
		try {
			const items = Array.from({ length: 250 }, (_, i) => ({ url: `https://bulk.example.org/one-by-one/${i}`, slug: i === 7 ? 'one-by-one-3' : `one-by-one-${i}` }));
			const sent: SentRequest[] = [];
			const error = (await runNode({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, parameters, items, sent }).catch((e: unknown) => e)) as NodeApiError;
			expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(7);
			expect(error.description).toContain('99 link(s) were created before the run stopped at this item; the 150 item(s) of later batches were not sent.');
			expect(sent).toHaveLength(1);
		} finally {
			sandbox.setRateLimit(50, 100);
		}
	});

	it('running the same execution again creates nothing new (one idempotency key per batch)', async () => {
		const items = rows('again').filter((_, i) => i !== 10 && i !== 120);
		const options = { baseUrl: sandbox.url, apiKey: sandbox.apiKey, parameters, items, executionId: 'bulk-again' };
		const first = await runNode(options);
		const second = await runNode(options);
		expect(second.items.map((i) => i.json.id)).toEqual(first.items.map((i) => i.json.id));
		expect((await linksOf('again')).length).toBe(248);
	});
});
