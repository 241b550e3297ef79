/**
 * Linkkit's lists may show a new item a few seconds after its timestamp (docs/assumptions.md A15; the sandbox's
 * `visibilityLagMs`). A trigger that moved its position past an item not yet listed would never hand it on; the
 * triggers wait until items are 12 s old by Linkkit's clock, so nothing is lost while polls come every few seconds.
 */
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { appRunner, movableClock, type Item } from './support/app';

let sandbox: RunningSandbox;
const clock = movableClock();

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: clock.now, visibilityLagMs: 10_000 });
});
afterAll(() => sandbox.stop());

/** A Zap's New Link step and Zapier's dedupe: what each poll hands on that no earlier poll did. */
function watch(zapId: string) {
	const run = appRunner(sandbox);
	return { run, poll: (meta: Item = {}) => run<Item[]>('triggers.new_link.operation.perform', { meta: { zap: { id: zapId }, ...meta } }) };
}

test('a burst of 250 links listed up to 10 s late, polled every 2 s while it shows up: all 250 handed on, none twice', async () => {
	const { poll } = watch('zap_lag_burst');
	const seen = new Set((await poll({ isPopulatingDedupe: true })).map((link) => link.id));
	const urls = Array.from({ length: 250 }, (_, i) => `https://bulk.example.org/lag/${i}`);
	await realClient(sandbox.url, sandbox.apiKey).client.bulk.importBatch(urls.map((original_url) => ({ original_url })));
	const handedOn: string[] = [];
	for (let i = 0; i < 15; i++) {
		clock.advance(2_000);
		const items = await poll();
		const fresh = items.filter((item) => !seen.has(item.id));
		expect(fresh.length).toBeLessThanOrEqual(100);
		for (const item of items) seen.add(item.id);
		handedOn.push(...fresh.map((item) => String(item.original_url)));
	}
	expect(handedOn.sort()).toEqual([...urls].sort());
}, 120_000);

test('links listed up to 10 s late, polled every 3 s: every one is handed on once, none lost', async () => {
	const { run, poll } = watch('zap_lag');
	const seen = new Set((await poll({ isPopulatingDedupe: true })).map((link) => link.id));
	const created: unknown[] = [];
	const handedOn: unknown[] = [];
	const take = (items: Item[]) => {
		const fresh = items.filter((item) => !seen.has(item.id));
		expect(fresh.length).toBeLessThanOrEqual(100);
		for (const item of items) seen.add(item.id);
		handedOn.push(...fresh.map((item) => item.id));
	};
	for (let round = 0; round < 12; round++) {
		for (let i = 0; i < 4; i++) {
			created.push((await run<Item>('creates.create_link.operation.perform', { inputData: { original_url: `https://example.com/lag/${round}/${i}` } })).id);
			clock.advance(250);
		}
		clock.advance(2_000);
		take(await poll());
	}
	clock.advance(30_000);
	take(await poll());
	expect([...handedOn].sort()).toEqual([...created].sort());
}, 120_000);
