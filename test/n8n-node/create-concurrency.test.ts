/**
 * Link → Create with several requests in flight: where the round trip (here 100 ms) and not the rate limit holds
 * a run back, the node keeps requests overlapping, yet every output stays in input order, paired with its item,
 * "continue on fail" means what it meant one-at-a-time, and each item keeps its own idempotency key.
 * Overlap is read from the sandbox's own request records.
 */

import { CREATE_CONCURRENCY } from '../../nodes/Linkkit/actions/common/execution';
import type { RequestRecord } from '../../sandbox/stats';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { nodeRunner, type SentRequest } from './harness';

let sandbox: RunningSandbox;
let run: ReturnType<typeof nodeRunner>;
beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = nodeRunner(sandbox);
});
afterAll(async () => await sandbox.stop());
beforeEach(() => {
	sandbox.reset();
	sandbox.setRateLimit(50, 50);
});

const create = { resource: 'link', operation: 'create', destination: '={{ $json.url }}', additionalFields: { slug: '={{ $json.slug }}' } };
const rows = (tag: string, count: number) => Array.from({ length: count }, (_, i) => ({ url: `https://overlap.example.org/${tag}/${i}`, slug: `${tag}-${i}` }));

/** The most requests the sandbox was serving at the same moment. */
function maxOverlap(records: RequestRecord[]): number {
	const edges = records.flatMap((r) => [
		{ at: r.startMs, step: 1 },
		{ at: r.endMs, step: -1 },
	]);
	edges.sort((a, b) => a.at - b.at || a.step - b.step);
	let open = 0;
	let most = 0;
	for (const edge of edges) most = Math.max(most, (open += edge.step));
	return most;
}

it('keeps several creates in flight under 100 ms latency, output in input order and paired', async () => {
	sandbox.setFaults({ latencyMs: 100 });
	const items = rows('order', 40);
	const result = await run(create, { items, executionId: 'exec-overlap' });
	expect(result.items.map((item) => item.json.destination)).toEqual(items.map((item) => item.url));
	expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	const overlap = maxOverlap(sandbox.stats.list());
	expect(overlap).toBeGreaterThan(1);
	expect(overlap).toBeLessThanOrEqual(CREATE_CONCURRENCY);
	expect(sandbox.stats.current()).toMatchObject({ requests: 40, limiterRefusals: 0 });
});

it('each item keeps its own idempotency key: a re-run of the same execution creates nothing new', async () => {
	const items = rows('again', 20);
	const first: SentRequest[] = [];
	const second: SentRequest[] = [];
	await run(create, { items, executionId: 'exec-again', sent: first });
	const rerun = await run(create, { items, executionId: 'exec-again', sent: second });
	const keyOf = (request: SentRequest) => `${(request.body as { destination: string }).destination} ${request.headers['Idempotency-Key']}`;
	expect(new Set(first.map((r) => r.headers['Idempotency-Key'])).size).toBe(20);
	expect(second.map(keyOf).sort()).toEqual(first.map(keyOf).sort());
	expect(rerun.items).toHaveLength(20);
	expect(sandbox.stats.current().idempotentReplays).toBe(20);
});

it('a bad item stops the run before anything is sent, naming the item', async () => {
	const items = rows('bad', 30);
	items[17].url = 'not a url';
	const sent: SentRequest[] = [];
	await expect(run(create, { items, sent })).rejects.toMatchObject({ context: { itemIndex: 17 } });
	expect(sent).toEqual([]);
});

it('an item Linkkit refuses stops the run at that item; nothing starts after it', async () => {
	sandbox.setFaults({ latencyMs: 50 });
	const items = rows('taken', 60);
	items[10].slug = items[3].slug;
	await expect(run(create, { items })).rejects.toMatchObject({ context: { itemIndex: 10 } });
	// Items after the refused one that were already in flight finish; none starts once the refusal is known.
	expect(sandbox.stats.current().requests).toBeLessThanOrEqual(11 + CREATE_CONCURRENCY);
});

it('under a tight limit, creates still waiting for the rate limit when a refusal comes back are never sent', async () => {
	sandbox.setRateLimit(5, 1);
	const items = rows('waiting', 20);
	items[4].slug = items[1].slug;
	await expect(run(create, { items })).rejects.toMatchObject({ context: { itemIndex: 4 } });
	expect(sandbox.stats.current().requests).toBe(5);
});

it('with Continue On Fail, the refused item becomes an error item in its place and every other item is created', async () => {
	const items = rows('cof', 30);
	items[10].slug = items[3].slug;
	const result = await run(create, { items, continueOnFail: true });
	expect(result.items).toHaveLength(30);
	expect(result.items[10].json.error).toBeDefined();
	expect(result.items[10].pairedItem).toEqual({ item: 10 });
	const created = result.items.filter((_, i) => i !== 10);
	expect(created.every((item) => item.json.error === undefined)).toBe(true);
	expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
});
