import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { linkkitPerform } from '../../zapier/src/perform';
import { app, appRunner, failureOf, zapierCore, zapierErrorOf } from './support/app';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;

beforeAll(async () => {
	// More links than one dropdown page (100), so paging is exercised.
	sandbox = await startTestSandbox({ links: 230 });
	run = appRunner(sandbox);
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.stop());

type Item = Record<string, unknown>;

describe('rate limits (429) inside Zapier\'s ~30 s step', () => {
	test('a Retry-After that fits the step is waited out inside the call, and the step succeeds', async () => {
		sandbox.setFaults({ next: [{ kind: '429', retryAfter: 1 }] });
		const started = Date.now();
		const links = await run<Item[]>('triggers.new_link.operation.perform', { meta: { limit: 2 } });
		expect(links).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	test('a Retry-After longer than the step has left becomes a ThrottledError with Linkkit\'s delay, at once', async () => {
		sandbox.setFaults({ next: [{ kind: '429', retryAfter: 60 }] });
		const started = Date.now();
		const error = await failureOf(run('creates.create_link.operation.perform', { inputData: { destination: 'https://example.com/throttled' } }));
		expect(error.name).toBe('ThrottledError');
		expect(error.delay).toBe(60);
		expect(error.message).toMatch(/^Linkkit's rate limit for this API key was reached and it asked to wait 60 s, longer than this Zap step has left/);
		expect(error.message).toMatch(/Zapier will run this step again in 60 s\. \(Linkkit request id req_\w+\)$/);
		// Zapier's words only: nothing from n8n (node options, workflow) and no internal limits.
		expect(error.message).not.toMatch(/node|workflow|max wait|max total/i);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('30 steps at once against 5 requests a second all wait their turn inside the step: none gives up', async () => {
		sandbox.setRateLimit(5, 5);
		const before = sandbox.counts().links;
		const started = Date.now();
		const outcomes = await Promise.allSettled(
			Array.from({ length: 30 }, (_, i) =>
				run<Item>('creates.create_link.operation.perform', { inputData: { destination: `https://example.com/crowd-${i}` } }),
			),
		);
		const seconds = (Date.now() - started) / 1000;
		expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
		expect(sandbox.counts().links).toBe(before + 30);
		// 30 requests at 5 a second take about 5 s: the limit was in force, and the steps outlasted it.
		expect(seconds).toBeGreaterThan(4);
	}, 60_000);

	test('the give-up is the step\'s time, not a retry count: at 1 request a second, steps wait ~24 s before handing back', async () => {
		sandbox.setRateLimit(1, 1);
		const started = Date.now();
		const outcomes = await Promise.all(
			Array.from({ length: 30 }, () =>
				run<Item[]>('triggers.new_campaign.operation.perform', { meta: { limit: 1 } }).then(
					() => ({ ok: true as const, at: Date.now() - started }),
					(error: unknown) => ({ ok: false as const, at: Date.now() - started, error: zapierErrorOf(error) }),
				),
			),
		);
		const gaveUp = outcomes.filter((o) => !o.ok);
		// At one a second only some of 30 fit in the step's ~24 s budget (a retry count of 3 let ~5 through, in ~4 s);
		// the rest are rescheduled with a ThrottledError, not failed, and only once the budget is spent.
		expect(outcomes.filter((o) => o.ok).length).toBeGreaterThanOrEqual(10);
		expect(gaveUp.length).toBeGreaterThan(0);
		for (const outcome of gaveUp) {
			expect(outcome.error).toMatchObject({ name: 'ThrottledError', delay: expect.any(Number) });
			expect(outcome.at).toBeGreaterThan(15_000);
		}
	}, 60_000);

	test('an exhausted rate-limit window (proactive pacing) that does not fit also reschedules', async () => {
		sandbox.setRateLimit(0.02, 1); // one request, then the bucket refills in 50 s
		const tester = zapierCore.createAppTester(app);
		// Two calls in one step: after the first, Linkkit says 0 requests remain until a reset 50 s away.
		const twoCalls = linkkitPerform([], async (client) => {
			await client.campaigns.listPage({}, { limit: 1 });
			return client.campaigns.listPage({}, { limit: 1 });
		});
		const error = await failureOf(tester(twoCalls as never, { authData: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } } as never));
		expect(error.name).toBe('ThrottledError');
		expect(error.delay).toBeGreaterThan(25);
	});
});

describe('Linkkit-side failures', () => {
	test('a 5xx that persists through the retries shows Linkkit\'s message and request id', async () => {
		sandbox.setFaults({ next: [{ kind: '500' }, { kind: '500' }, { kind: '500' }, { kind: '500' }] });
		const error = await failureOf(run('triggers.new_segment.operation.perform'));
		expect(error.status).toBe(500);
		expect(error.message).toMatch(/^Linkkit had a problem on its side \(HTTP 500\)/);
		expect(error.message).toMatch(/request id req_\w+/);
	});

	test('a single 503 is retried and the step succeeds', async () => {
		sandbox.setFaults({ next: [{ kind: '503', retryAfter: 0 }] });
		expect((await run<Item[]>('triggers.new_segment.operation.perform')).length).toBeGreaterThan(0);
	});

	test('a proxy\'s HTML error page is named as such, not shown as a JSON parse error', async () => {
		sandbox.setFaults({ next: Array.from({ length: 4 }, () => ({ kind: 'html' as const })) });
		const error = await failureOf(run('triggers.new_campaign.operation.perform'));
		expect(error.message).toMatch(/answered with an HTML page instead of JSON/);
	});
});

describe('dynamic dropdowns page with Linkkit\'s cursor', () => {
	test('page 0, 1, … follow the stored cursor to the end, without repeats', async () => {
		// createAppTester has no working z.cursor (core 19's `cursorTestObj` hook files `set_cursor(c)` under the key `c`
		// and always reads the key "undefined"), so the store-key tool is replaced by one with Zapier's contract: one
		// cursor per dropdown, whatever was set last is what the next page reads. Requests still go to the sandbox.
		let stored: string | null = null;
		const cursor = { get: async () => stored, set: async (value: string) => void (stored = value) };
		const perform = app.triggers.link_list.operation.perform as unknown as (z: unknown, bundle: unknown) => Promise<Array<{ id: string; label: string }>>;
		const tester = zapierCore.createAppTester(app);
		const ids: string[] = [];
		for (let page = 0; page < 10; page++) {
			const bundle = { authData: { apiKey: sandbox.apiKey, baseUrl: sandbox.url }, meta: { page, isFillingDynamicDropdown: true } };
			const results = await tester((z: object, b: unknown) => perform({ ...z, cursor }, b), bundle as never);
			if (!results.length) break;
			expect(results[0].label).toContain('https://');
			ids.push(...results.map((r) => r.id));
		}
		expect(ids).toHaveLength(sandbox.counts().links);
		expect(ids.length).toBeGreaterThan(200);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
