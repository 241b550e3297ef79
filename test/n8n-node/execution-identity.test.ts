/**
 * Which repeats of a create the node recognises (nodes/Linkkit/actions/common/execution-identity.ts and
 * execution-ledger.ts), through n8n-core's engine against the sandbox:
 *  - executions that n8n establishes in the same millisecond (equal execution contexts, as webhook bursts in queue
 *    mode get) are still different executions: each creates its own links;
 *  - n8n's Retry of a failed execution (a new execution id, the failed execution's saved data) and Retry On Fail find
 *    the links the failed attempt made and create only the rest; another execution of the same items creates anew;
 *  - creates through Linkkit's POST (a Linkkit-picked code, a bulk import) that succeeded before the failure are not
 *    sent again by the Retry;
 *  - Duplicate Protection ID ties a new execution to an earlier one by the user's own ID.
 */

import type { IDataObject, IExecutionContext } from 'n8n-workflow';

import { collect } from '../../core';
import { EXECUTION_KEY } from '../../nodes/Linkkit/actions/common/execution-identity';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { failureOf, nodeRunner, retryRunner } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox({ rateLimitHeaders: 'full', rate: 500, burst: 500 });
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
const retry = (...args: Parameters<ReturnType<typeof retryRunner>>) => retryRunner(sandbox)(...args);
const api = () => realClient(sandbox.url, sandbox.apiKey).client;
const linksTo = async (search: string) => await collect(api().links.iterate({ search }, { returnAll: true }));
const codes = (items: Array<{ json: IDataObject }>) => items.map((item) => String(item.json.short_code));
/** How the sandbox answered the link PUTs, by status. */
const putStatuses = () =>
	sandbox.stats.list().filter((r) => r.method === 'PUT').reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
const create = { resource: 'link', operation: 'create', destination: '={{ $json.url }}' };

/** What n8n establishes for a webhook execution: nothing in it but the millisecond tells two executions apart. */
const sameMillisecond: IExecutionContext = { version: 1, establishedAt: 1_764_000_000_000, source: 'webhook', triggerNode: { name: 'Webhook', type: 'n8n-nodes-base.webhook' } };

describe('executions established in the same millisecond', () => {
	it('40 webhook executions at once, with equal execution contexts, create 40 links with 40 codes', async () => {
		const before = sandbox.counts().links;
		const runs = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				run(create, { items: [{ url: `https://burst.example.org/order/${i % 4}` }], executionId: `burst-${i}`, executionContext: { ...sameMillisecond }, workflowId: 'wf-burst', nodeId: 'node-burst' }),
			),
		);
		// The engine really gave them equal contexts (what the old keys were built from) ...
		expect(new Set(runs.map((r) => JSON.stringify(r.run.data.executionData?.runtimeData))).size).toBe(1);
		// ... and each execution drew its own ID.
		expect(new Set(runs.map((r) => r.run.data.executionData?.contextData.flow?.[EXECUTION_KEY])).size).toBe(40);
		expect(new Set(runs.flatMap((r) => codes(r.items))).size).toBe(40);
		expect(sandbox.counts().links - before).toBe(40);
		expect(putStatuses()).toEqual({ 201: 40 });
	});
});

describe("n8n's Retry of a failed execution", () => {
	const items = [0, 1, 2, 3, 4].map((i) => ({ url: `https://retry.example.org/${i}` }));
	const parameters = { ...create, options: { maxRetries: 0 } };

	it('creates only the links the failed execution did not; their codes are the failed execution’s; a new execution creates anew', async () => {
		// One of the five creates meets a 500 and, with Max Retries 0, fails the node; the other four are made.
		sandbox.setFaults({ next: [{ kind: '500' }] });
		const failed = await failureOf(run(parameters, { items, executionId: '101' }));
		expect(failed.message).toMatch(/Linkkit had a problem on its side \(HTTP 500\)/);
		const madeBefore = await linksTo('retry.example.org');
		expect(madeBefore).toHaveLength(4);
		// The execution's ID is in the data n8n saves with the failed execution.
		expect(failed.run.data.executionData?.contextData.flow?.[EXECUTION_KEY]).toEqual(expect.any(String));

		const retried = await retry(failed, parameters, { items, executionId: '102' });
		expect(retried.items.map((item) => item.json.original_url)).toEqual(items.map((item) => item.url));
		expect(await linksTo('retry.example.org')).toHaveLength(5);
		expect(codes(retried.items)).toEqual(expect.arrayContaining(madeBefore.map((link) => link.short_code)));
		// The first execution: four made (201), one refused (500). The retry's PUTs found those four there (200) and
		// made the fifth (201).
		expect(putStatuses()).toEqual({ 200: 4, 201: 5, 500: 1 });

		// The same items in another execution are other creates.
		const again = await run(parameters, { items, executionId: '103' });
		expect(new Set([...codes(again.items), ...codes(retried.items)]).size).toBe(10);
		expect(await linksTo('retry.example.org')).toHaveLength(10);
	});

	it('Retry On Fail (the node’s setting) does the same within the execution', async () => {
		sandbox.setFaults({ next: [{ kind: '500' }] });
		const result = await run(parameters, { items, executionId: '201', retryOnFail: { maxTries: 2 } });
		expect(result.items).toHaveLength(5);
		expect(await linksTo('retry.example.org')).toHaveLength(5);
		expect(sandbox.setFaults({}).next).toEqual([]);
	});

	it('Let Linkkit Pick the Code: the links made before the failure are handed back, not posted again', async () => {
		const mixed = [{ url: 'https://picked-retry.example.org/a' }, { url: 'https://picked-retry.example.org/b' }, { url: 'https://malware.test/c' }];
		const picked = { ...create, options: { linkkitPicksCode: true } };
		const failed = await failureOf(run(picked, { items: mixed, executionId: '301' }));
		expect(failed).toMatchObject({ httpCode: '422', message: expect.stringMatching(/failed Linkkit's safety checks/) });
		expect(sandbox.stats.current().byRoute['POST /v1/links']).toBe(3);
		const before = await linksTo('picked-retry.example.org');
		expect(before).toHaveLength(2);

		const retried = await failureOf(retry(failed, picked, { items: mixed, executionId: '302' }));
		expect(retried.httpCode).toBe('422');
		// Only the refused item was sent again.
		expect(sandbox.stats.current().byRoute['POST /v1/links']).toBe(4);
		expect(await linksTo('picked-retry.example.org')).toHaveLength(2);
	});

	it('Create Many: batches imported before the failure are not imported again', async () => {
		const rows = [0, 1, 2, 3].map((i) => ({ url: `https://bulk-retry.example.org/${i}` }));
		const many = { resource: 'link', operation: 'createMany', destination: '={{ $json.url }}', options: { batchSize: 2 } };
		// Room for the first batch only: the second is refused (403, the plan's limit).
		sandbox.setPlan({ planLinks: sandbox.counts().links + 2 });
		const failed = await failureOf(run(many, { items: rows, executionId: '401' }));
		expect(failed).toMatchObject({ httpCode: '403' });
		expect(String(failed.description)).toMatch(/2 link\(s\) were imported by other batches before the run stopped/);
		expect(await linksTo('bulk-retry.example.org')).toHaveLength(2);

		sandbox.setPlan({ planLinks: null });
		const retried = await retry(failed, many, { items: rows, executionId: '402' });
		expect(retried.items.map((item) => item.json.status)).toEqual(['created', 'created', 'created', 'created']);
		expect(sandbox.stats.current().byRoute['POST /v1/links/bulk']).toBe(3);
		expect(await linksTo('bulk-retry.example.org')).toHaveLength(4);
	});
});

describe('within one execution', () => {
	it('the node run again in a loop (n8n’s next run index) creates again; a repeat of the same run does not', async () => {
		const item = [{ url: 'https://loop.example.org/x' }];
		const first = await run(create, { items: item, executionId: 'loop', runIndex: 0 });
		const contextData = first.run.data.executionData!.contextData;
		const repeat = await run(create, { items: item, executionId: 'loop', runIndex: 0, contextData });
		const secondPass = await run(create, { items: item, executionId: 'loop', runIndex: 1, contextData });
		expect(codes(repeat.items)).toEqual(codes(first.items));
		expect(codes(secondPass.items)).not.toEqual(codes(first.items));
		expect(await linksTo('loop.example.org')).toHaveLength(2);
	});
});

describe('Duplicate Protection ID (a new execution of the same items)', () => {
	it('the same ID with the same details gets the first link in any execution; changed details make a new one', async () => {
		const items = [0, 1].map((i) => ({ row: `row-${i}`, url: `https://own.example.org/${i}` }));
		const parameters = { ...create, options: { duplicateProtectionId: '={{ $json.row }}' } };
		const first = await run(parameters, { items, executionId: '501' });
		const again = await run(parameters, { items, executionId: '502' });
		expect(codes(again.items)).toEqual(codes(first.items));
		expect(await linksTo('own.example.org')).toHaveLength(2);

		const changed = [{ ...items[0], url: 'https://own.example.org/0-new' }, items[1]];
		const third = await run(parameters, { items: changed, executionId: '503' });
		expect(codes(third.items)[1]).toBe(codes(first.items)[1]);
		expect(codes(third.items)[0]).not.toBe(codes(first.items)[0]);
		expect(await linksTo('own.example.org')).toHaveLength(3);
	});
});
