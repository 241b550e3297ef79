/** Token bucket per key: 429 with Retry-After when empty, X-RateLimit-* counting down, tokens refilling. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { get } from './http';

let sandbox: RunningSandbox;
/** A pinned clock, so refills happen when the test says and not when a busy machine gets round to it. */
let clock = Date.parse('2026-11-02T12:00:00.000Z');

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: () => clock });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

it('spends the burst, then answers 429 rate_limited with Retry-After, then refills', async () => {
	sandbox.setRateLimit(2, 2);
	const first = await get(sandbox, '/v1/segments?limit=1');
	expect(first.status).toBe(200);
	expect(first.headers.get('x-ratelimit-limit')).toBe('2');
	expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
	// Not empty: the reset is when the bucket is full again (one token at 2/s = 0.5 s, rounded up).
	expect(first.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((clock + 500) / 1000)));
	const second = await get(sandbox, '/v1/segments?limit=1');
	expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
	const third = await get(sandbox, '/v1/segments?limit=1');
	expect(third.status).toBe(429);
	expect(third.body.error.code).toBe('rate_limited');
	expect(third.headers.get('retry-after')).toBe('1');
	expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
	// Empty: the reset is when one token is back.
	expect(third.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((clock + 500) / 1000)));
	clock += 300;
	expect((await get(sandbox, '/v1/segments?limit=1')).status).toBe(429);
	clock += 300;
	const refilled = await get(sandbox, '/v1/segments?limit=1');
	expect(refilled.status).toBe(200);
	expect(refilled.headers.get('x-ratelimit-remaining')).toBe('0');
});

it('rounds a long wait up to whole seconds in Retry-After', async () => {
	sandbox.setRateLimit(0.25, 1);
	await get(sandbox, '/v1/segments?limit=1');
	const limited = await get(sandbox, '/v1/segments?limit=1');
	expect(limited.headers.get('retry-after')).toBe('4');
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
	expect(after.headers.get('x-ratelimit-limit')).toBe('100');
});
