/** Token bucket per key: 429 with Retry-After when empty, X-RateLimit-* counting down, tokens refilling. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { get } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('spends the burst, then answers 429 rate_limited with Retry-After, then refills', async () => {
	// Warm the route first: its first request compiles validators and would let tokens trickle back meanwhile.
	await get(sandbox, '/v1/segments?limit=1');
	sandbox.setRateLimit(2, 2);
	const first = await get(sandbox, '/v1/segments?limit=1');
	expect(first.status).toBe(200);
	expect(first.headers.get('x-ratelimit-limit')).toBe('2');
	expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
	const second = await get(sandbox, '/v1/segments?limit=1');
	expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
	const third = await get(sandbox, '/v1/segments?limit=1');
	expect(third.status).toBe(429);
	expect(third.body.error.code).toBe('rate_limited');
	const retryAfter = third.headers.get('retry-after');
	expect(retryAfter).toMatch(/^\d+$/);
	expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
	expect(Number(third.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
	// 2 tokens per second: one is back after 500 ms.
	await sleep(650);
	expect((await get(sandbox, '/v1/segments?limit=1')).status).toBe(200);
});

it('keeps one bucket per key', async () => {
	sandbox.setRateLimit(0.5, 1);
	expect((await get(sandbox, '/v1/segments?limit=1')).status).toBe(200);
	expect((await get(sandbox, '/v1/segments?limit=1')).status).toBe(429);
	expect((await get(sandbox, '/v1/segments?limit=1', { key: sandbox.readOnlyKey })).status).toBe(200);
});

it('is configurable through POST /__sandbox/rate-limit and cleared by reset', async () => {
	const set = await fetch(`${sandbox.url}/__sandbox/rate-limit`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ rate: 1, burst: 1 }),
	});
	expect(set.status).toBe(200);
	expect((await get(sandbox, '/v1/segments?limit=1')).status).toBe(200);
	expect((await get(sandbox, '/v1/segments?limit=1')).status).toBe(429);
	await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
	const after = await get(sandbox, '/v1/segments?limit=1');
	expect(after.status).toBe(200);
	expect(Number(after.headers.get('x-ratelimit-limit'))).toBeGreaterThan(1);
});
