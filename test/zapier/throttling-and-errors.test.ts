/**
 * Rate limits inside Zapier's ~30 s step (waited out when the wait fits, else Zapier's ThrottledError with the wait),
 * Linkkit-side failures, and Linkkit's own refusals keeping their status and message.
 */
import { linkkitPerform } from '../../zapier/src/perform';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { appRunner, authDataOf, failureOf, pointAppAt, zapierCore, zapierErrorOf, app, type Item } from './support/app';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = appRunner(sandbox);
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.stop());

const createLink = (inputData: Item) => run<Item>('creates.create_link.operation.perform', { inputData });

describe('rate limits (429) inside Zapier\'s ~30 s step', () => {
	test('a Retry-After that fits the step is waited out inside the call, and the step succeeds', async () => {
		sandbox.setRateLimitHeaders('retry-after');
		sandbox.setFaults({ next: [{ kind: '429', retryAfter: 2 }] });
		const started = Date.now();
		await expect(run('triggers.segment_list.operation.perform')).resolves.toEqual(expect.any(Array));
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
	});

	test('a bare 429 (no headers at all, Linkkit\'s default) is tried again after a pause, and the step succeeds', async () => {
		sandbox.setFaults({ next: [{ kind: '429' }, { kind: '429' }] });
		await expect(createLink({ original_url: 'https://example.com/limits/bare' })).resolves.toMatchObject({ original_url: 'https://example.com/limits/bare' });
	});

	test('a Retry-After longer than the step has left becomes a ThrottledError with that delay, at once, in Zapier\'s words', async () => {
		sandbox.setRateLimitHeaders('retry-after');
		sandbox.setFaults({ next: [{ kind: '429', retryAfter: 90 }] });
		const started = Date.now();
		const error = await failureOf(createLink({ original_url: 'https://example.com/limits/long' }));
		expect(error).toMatchObject({ name: 'ThrottledError', delay: 90 });
		expect(error.message).toMatch(/^Linkkit's rate limit for this API key was reached \(Linkkit said: Too many requests\) and the next try has to wait 90 s, longer than this Zap step has left/);
		expect(error.message).toMatch(/Zapier will run this step again in 90 s\.$/);
		expect(error.message).not.toMatch(/node|workflow|max wait|sandbox/i);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('30 steps at once against 5 requests a second all wait their turn inside the step: none gives up', async () => {
		sandbox.setRateLimit(5, 5);
		const before = sandbox.counts().links;
		const started = Date.now();
		const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => createLink({ original_url: `https://example.com/limits/crowd-${i}` })));
		expect(outcomes.filter((o) => o.status === 'rejected').map((o) => zapierErrorOf((o as PromiseRejectedResult).reason).message)).toEqual([]);
		expect(sandbox.counts().links).toBe(before + 30);
		expect((Date.now() - started) / 1000).toBeGreaterThan(4);
	}, 60_000);

	test('at 1 request in 10 s, the steps that cannot get through within ~24 s end as ThrottledErrors with a wait, not failures', async () => {
		sandbox.setRateLimit(0.1, 1);
		const started = Date.now();
		const outcomes = await Promise.all(
			Array.from({ length: 6 }, () =>
				run('triggers.segment_list.operation.perform').then(
					() => ({ ok: true as const, at: Date.now() - started }),
					(error: unknown) => ({ ok: false as const, at: Date.now() - started, error: zapierErrorOf(error) }),
				),
			),
		);
		const gaveUp = outcomes.filter((o) => !o.ok);
		expect(outcomes.filter((o) => o.ok).length).toBeGreaterThanOrEqual(1);
		expect(gaveUp.length).toBeGreaterThan(0);
		for (const outcome of gaveUp) {
			expect(outcome.error).toMatchObject({ name: 'ThrottledError', delay: expect.any(Number) });
			expect(outcome.at).toBeLessThan(30_000);
		}
	}, 60_000);

	test('a used-up rate window that the pacer knows of reschedules the step without sending into it', async () => {
		sandbox.setRateLimitHeaders('full');
		sandbox.setRateLimit(0.02, 1); // one request, then the bucket refills in 50 s
		const twoCalls = linkkitPerform([], async (client) => {
			await client.segments.list();
			return client.segments.list();
		});
		pointAppAt(sandbox.url);
		const error = await failureOf(zapierCore.createAppTester(app)(twoCalls as never, { authData: authDataOf(sandbox) } as never));
		expect(error.name).toBe('ThrottledError');
		expect(error.delay).toBeGreaterThan(25);
	});
});

describe('Linkkit-side failures', () => {
	test('a 5xx that persists through the retries shows Linkkit\'s status and message', async () => {
		sandbox.setFaults({ next: Array.from({ length: 6 }, () => ({ kind: '500' as const })) });
		const error = await failureOf(run('triggers.segment_list.operation.perform'));
		expect(error.status).toBe(500);
		expect(error.message).toMatch(/^Linkkit had a problem on its side \(HTTP 500\): /);
	});

	test('a single 503 is retried and the step succeeds', async () => {
		sandbox.setFaults({ next: [{ kind: '503', retryAfter: 0 }] });
		expect((await run<Item[]>('triggers.segment_list.operation.perform')).length).toBeGreaterThan(0);
	});

	test('a proxy\'s HTML error page is named as such, not shown as a JSON parse error', async () => {
		sandbox.setFaults({ next: Array.from({ length: 6 }, () => ({ kind: 'html' as const })) });
		const error = await failureOf(run('triggers.segment_list.operation.perform'));
		expect(error.message).toMatch(/answered with an HTML page instead of JSON/);
	});
});

describe('Linkkit\'s refusals keep their status and message', () => {
	test('the plan\'s link limit: 403 with Linkkit\'s words and what to do', async () => {
		sandbox.setPlan({ planLinks: sandbox.counts().links });
		const error = await failureOf(createLink({ original_url: 'https://example.com/limits/plan' }));
		expect(error.status).toBe(403);
		expect(error.message).toMatch(/Plan limit reached/);
		expect(error.message).toMatch(/upgrade the plan, or delete what you no longer need/);
	});

	test('a plan without conversions: 403 on New Conversion, Linkkit\'s message kept', async () => {
		sandbox.setPlan({ plan: 'free' });
		const error = await failureOf(run('triggers.new_conversion.operation.perform'));
		expect(error.status).toBe(403);
		expect(error.message).toMatch(/^Linkkit does not allow this API key to read conversions: /);
	});

	test('a custom domain that is not the workspace\'s: 400 with Linkkit\'s message', async () => {
		const error = await failureOf(createLink({ original_url: 'https://example.com/limits/domain', custom_domain: 'not-ours.example.net' }));
		expect(error.status).toBe(400);
		expect(error.message).toMatch(/^Linkkit refused the request: /);
	});
});
