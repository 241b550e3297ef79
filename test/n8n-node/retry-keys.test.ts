/**
 * Which repeats of a create the node recognises (see nodes/Linkkit/actions/common/idempotency.ts), against the
 * sandbox's replay of Idempotency-Keys. n8n's Retry of a failed execution runs with a new execution id but the
 * original's execution context; the real-n8n queue-mode suite proves that part in n8n itself.
 */

import type { IExecutionContext } from 'n8n-workflow';

import { collect } from '../../core';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { executionOrigin } from '../../nodes/Linkkit/actions/common/idempotency';
import { nodeRunner } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.stop());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
const linksMatching = async (search: string) => {
	const { client } = realClient(sandbox.url, sandbox.apiKey);
	return await collect(client.links.iterate({ search }, { returnAll: true }));
};
const context = (establishedAt: number): IExecutionContext => ({ version: 1, establishedAt, source: 'webhook', triggerNode: { name: 'Webhook', type: 'n8n-nodes-base.webhook' } });

describe('n8n Retry of a failed execution (new execution id, same execution context)', () => {
	it('Create: the retry gets the links the failed execution already made; another execution makes new ones', async () => {
		const tag = `retry-${Date.now()}`;
		const items = [0, 1, 2].map((i) => ({ url: `https://retry.example.org/${tag}/${i}` }));
		const parameters = { resource: 'link', operation: 'create', destination: '={{ $json.url }}' };
		const original = await run(parameters, { items, executionId: '101', executionContext: context(1_700_000_000_001) });
		const retry = await run(parameters, { items, executionId: '102', executionContext: context(1_700_000_000_001) });
		expect(retry.items.map((item) => item.json.id)).toEqual(original.items.map((item) => item.json.id));
		expect(await linksMatching(tag)).toHaveLength(3);

		await run(parameters, { items, executionId: '103', executionContext: context(1_700_000_000_002) });
		expect(await linksMatching(tag)).toHaveLength(6);
	});

	it('Create Many: a retried batch is answered from the first attempt', async () => {
		const tag = `retry-many-${Date.now()}`;
		const items = Array.from({ length: 150 }, (_, i) => ({ url: `https://retry.example.org/${tag}/${i}` }));
		const parameters = { resource: 'link', operation: 'createMany', destination: '={{ $json.url }}' };
		const original = await run(parameters, { items, executionId: '201', executionContext: context(1_700_000_000_003) });
		const retry = await run(parameters, { items, executionId: '202', executionContext: context(1_700_000_000_003) });
		expect(retry.items.map((item) => item.json.id)).toEqual(original.items.map((item) => item.json.id));
		expect(await linksMatching(tag)).toHaveLength(150);
	});

	it('a corrected item goes through on retry: Linkkit keeps no answer for a refused create', async () => {
		const tag = `fixed-${Date.now()}`;
		const taken = await run({ resource: 'link', operation: 'create', destination: `https://retry.example.org/${tag}/first`, additionalFields: { slug: tag } });
		expect(taken.items[0].json.slug).toBe(tag);
		const parameters = (slug: string) => ({ resource: 'link', operation: 'create', destination: `https://retry.example.org/${tag}/second`, additionalFields: { slug } });
		const failed = run(parameters(tag), { executionId: '301', executionContext: context(1_700_000_000_004) });
		await expect(failed).rejects.toThrow(/slug/i);
		const fixed = await run(parameters(`${tag}-2`), { executionId: '302', executionContext: context(1_700_000_000_004) });
		expect(fixed.items[0].json.slug).toBe(`${tag}-2`);
	});

	it('a retry whose details changed after the link was made (e.g. {{ $now }} in a field) is refused, not created twice', async () => {
		const tag = `changed-${Date.now()}`;
		const parameters = (title: string) => ({ resource: 'link', operation: 'create', destination: `https://retry.example.org/${tag}`, additionalFields: { title } });
		await run(parameters('first'), { executionId: '311', executionContext: context(1_700_000_000_010) });
		const retry = run(parameters('second'), { executionId: '312', executionContext: context(1_700_000_000_010) });
		await expect(retry).rejects.toThrow(/An earlier attempt of this same create already succeeded, with different details/);
		expect(await linksMatching(tag)).toHaveLength(1);
	});

	it('without an execution context (n8n 1.x) the origin falls back to the execution id', () => {
		// n8n-core 2.41 always establishes a context, so n8n 1.x's context-less executions cannot run in this engine:
		// the fallback is checked on the function itself, with a context shaped like 1.x's (no getExecutionContext).
		const legacy = { getExecutionId: () => '401' } as unknown as Parameters<typeof executionOrigin>[0];
		expect(executionOrigin(legacy)).toBe('execution:401');
		const current = { getExecutionId: () => '402', getExecutionContext: () => context(1_700_000_000_042) } as unknown as Parameters<typeof executionOrigin>[0];
		expect(executionOrigin(current)).toBe('context:1700000000042:webhook:Webhook:');
	});
});

describe('Duplicate Protection ID (a new execution of the same items)', () => {
	it('the same ID with the same details returns the first link in any execution; changed details make a new one', async () => {
		const tag = `own-id-${Date.now()}`;
		const items = [0, 1].map((i) => ({ row: `${tag}-row-${i}`, url: `https://own.example.org/${tag}/${i}` }));
		const parameters = { resource: 'link', operation: 'create', destination: '={{ $json.url }}', options: { duplicateProtectionId: '={{ $json.row }}' } };
		const first = await run(parameters, { items, executionId: '501', executionContext: context(1_700_000_000_005) });
		const again = await run(parameters, { items, executionId: '502', executionContext: context(1_700_000_000_006) });
		expect(again.items.map((item) => item.json.id)).toEqual(first.items.map((item) => item.json.id));
		expect(await linksMatching(tag)).toHaveLength(2);

		const changed = [{ ...items[0], url: `https://own.example.org/${tag}/0-new` }, items[1]];
		const third = await run(parameters, { items: changed, executionId: '503', executionContext: context(1_700_000_000_007) });
		expect(third.items[1].json.id).toBe(first.items[1].json.id);
		expect(third.items[0].json.id).not.toBe(first.items[0].json.id);
		expect(await linksMatching(tag)).toHaveLength(3);
	});

	it('Create Many: the same rows in a new execution create nothing new', async () => {
		const tag = `own-many-${Date.now()}`;
		const items = Array.from({ length: 120 }, (_, i) => ({ row: `${tag}-${i}`, url: `https://own.example.org/${tag}/${i}` }));
		const parameters = { resource: 'link', operation: 'createMany', destination: '={{ $json.url }}', options: { duplicateProtectionId: '={{ $json.row }}' } };
		await run(parameters, { items, executionId: '601', executionContext: context(1_700_000_000_008) });
		await run(parameters, { items, executionId: '602', executionContext: context(1_700_000_000_009) });
		expect(await linksMatching(tag)).toHaveLength(120);
	});
});
