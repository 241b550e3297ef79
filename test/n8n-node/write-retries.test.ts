/**
 * The Linkkit node's writes when Linkkit carried out the first attempt but its answer was lost (`commit-drop`),
 * replaced by a 500 (`commit-500`) or never came (`stall`, abandoned at the node's Timeout option): each item ends as
 * a success with the right output, and the sandbox holds one object per item (a deleted one is gone).
 */

import type { FaultKind } from '../../sandbox';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { byId, nodeRunner, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
	await run({ resource: 'link', operation: 'getMany', limit: 1 });
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
/** Short waits so the suite stays quick; the Timeout option is what a stalled request is abandoned at. */
const options = { timeoutSeconds: 1, maxRetries: 3 };

function faultNext(...kinds: FaultKind[]) {
	sandbox.setFaults({ stallMs: 5_000, next: kinds.map((kind) => ({ kind })) });
}

describe.each<FaultKind>(['commit-drop', 'commit-500', 'stall'])('%s on the first attempt', (kind) => {
	test('Link → Create: every item once, each output its own link', async () => {
		const before = sandbox.counts().links;
		faultNext(kind);
		const items = [{ url: `https://example.com/${kind}/1` }, { url: `https://example.com/${kind}/2` }];
		const result = await run({ resource: 'link', operation: 'create', destination: '={{ $json.url }}', options }, { items, executionId: `create-${kind}` });
		expect(result.items.map((item) => item.json.destination)).toEqual(items.map((item) => item.url));
		expect(sandbox.counts().links).toBe(before + 2);
	});

	test('Link → Create Many: one batch, every item once', async () => {
		const before = sandbox.counts().links;
		faultNext(kind);
		const items = Array.from({ length: 5 }, (_, i) => ({ url: `https://example.com/${kind}/many/${i}` }));
		const result = await run({ resource: 'link', operation: 'createMany', destination: '={{ $json.url }}', options }, { items, executionId: `many-${kind}` });
		expect(result.items.map((item) => item.json.destination)).toEqual(items.map((item) => item.url));
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(5);
		expect(sandbox.counts().links).toBe(before + 5);
	});

	test('Link → Update and Delete: the change shows in the output; the delete succeeds and the link is gone', async () => {
		const link = (await run({ resource: 'link', operation: 'create', destination: 'https://example.com/to-change' })).items[0].json;
		faultNext(kind);
		const updated = await run({ resource: 'link', operation: 'update', linkId: byId(String(link.id)), updateFields: { title: 'Changed' }, options });
		expect(updated.items[0].json).toMatchObject({ id: link.id, title: 'Changed' });
		const before = sandbox.counts().links;
		faultNext(kind);
		const deleted = await run({ resource: 'link', operation: 'delete', linkId: byId(String(link.id)), options });
		expect(deleted.items[0].json).toEqual({ id: link.id, deleted: true });
		expect(sandbox.counts().links).toBe(before - 1);
	});

	test('Campaign and Segment → Create: one each', async () => {
		const campaigns = sandbox.counts().campaigns;
		faultNext(kind);
		const campaign = await run({ resource: 'campaign', operation: 'create', name: `Retry ${kind}`, options }, { executionId: `campaign-${kind}` });
		expect(campaign.items[0].json).toMatchObject({ name: `Retry ${kind}` });
		expect(sandbox.counts().campaigns).toBe(campaigns + 1);
		const segments = sandbox.counts().segments;
		faultNext(kind);
		const rules = { rule: [{ field: 'country', operator: 'is', value: 'DE' }] };
		const segment = await run({ resource: 'segment', operation: 'create', name: `Retry ${kind}`, match: 'all', rules, options }, { executionId: `segment-${kind}` });
		expect(segment.items[0].json).toMatchObject({ name: `Retry ${kind}` });
		expect(sandbox.counts().segments).toBe(segments + 1);
	});
});

test('the Timeout option reaches n8n as the request timeout; reads use 30 s', async () => {
	const sent: SentRequest[] = [];
	await run({ resource: 'link', operation: 'create', destination: 'https://example.com/timeout', options: { timeoutSeconds: 7 } }, { sent });
	await run({ resource: 'link', operation: 'getMany', limit: 1 }, { sent });
	expect(sent.map((request) => [request.method, request.timeout])).toEqual([
		['POST', 7_000],
		['GET', 30_000],
	]);
});

test('a create that never gets an answer fails on its own item, saying its outcome is unknown', async () => {
	// Create keeps several items in flight, so both first attempts stall; the third stall takes whichever retry
	// comes first. Exactly that item must fail, and the other must still get its own link.
	sandbox.setFaults({ stallMs: 5_000, next: [{ kind: 'stall' }, { kind: 'stall' }, { kind: 'stall' }] });
	const items = [{ url: 'https://example.com/first' }, { url: 'https://example.com/second' }];
	const result = await run(
		{ resource: 'link', operation: 'create', destination: '={{ $json.url }}', options: { timeoutSeconds: 1, maxRetries: 1 } },
		{ items, continueOnFail: true },
	);
	const failed = result.items.findIndex((item) => item.json.code === 'timeout');
	expect(failed).toBeGreaterThanOrEqual(0);
	expect(result.items[failed].json).toMatchObject({
		error: expect.stringMatching(/did not answer within 1 s, so the request was abandoned\. It is not known whether Linkkit carried out the request/),
	});
	expect(result.items[1 - failed].json).toMatchObject({ destination: items[1 - failed].url });
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
});
