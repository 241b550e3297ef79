/** Token bucket per key: 429 with Retry-After when empty, X-RateLimit-* counting down, tokens refilling. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { call, get } from './http';

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

it('states the refill and the precise, relative reset, and dates its answers on its own clock', async () => {
	sandbox.setRateLimit(4, 2);
	const first = await get(sandbox, '/v1/segments?limit=1');
	// 2 at once, the whole bucket refilled in 0.5 s: 4 a second.
	expect(first.headers.get('x-ratelimit-policy')).toBe('2;w=0.5');
	// One token used: full again in 0.25 s.
	expect(first.headers.get('x-ratelimit-reset-after')).toBe('0.25');
	expect(first.headers.get('date')).toBe(new Date(clock).toUTCString());
	await get(sandbox, '/v1/segments?limit=1');
	clock += 100;
	const limited = await get(sandbox, '/v1/segments?limit=1');
	expect(limited.status).toBe(429);
	// 0.4 tokens refilled in 100 ms: the next one in 150 ms; Retry-After rounds that up to a whole second.
	expect(limited.headers.get('x-ratelimit-reset-after')).toBe('0.15');
	expect(limited.headers.get('retry-after')).toBe('1');
	expect(limited.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((clock + 150) / 1000)));
	clock += 150;
	expect((await get(sandbox, '/v1/segments?limit=1')).status).toBe(200);
});

it('counts what it served: by status and route, tokens taken, limiter refusals, links per destination', async () => {
	sandbox.setRateLimit(1, 2);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the admin answers are checked field by field below
	const admin = (path: string, method = 'GET'): Promise<any> => fetch(`${sandbox.url}${path}`, { method }).then((r) => r.json());
	await admin('/__sandbox/stats/clear', 'POST');
	const body = { destination: 'https://stats.example.org/a' };
	await call(sandbox, 'POST', '/v1/links', { body, headers: { 'Idempotency-Key': 'stats-1' } });
	await call(sandbox, 'POST', '/v1/links', { body, headers: { 'Idempotency-Key': 'stats-1' } });
	await get(sandbox, '/v1/segments?limit=1');
	const stats = await admin('/__sandbox/stats?requests=1&destinationPrefix=https://stats.example.org/');
	expect(stats).toMatchObject({
		requests: 3,
		byStatus: { 201: 2, 429: 1 },
		byRoute: { 'POST /v1/links': 2, 'GET /v1/segments': 1 },
		tokensTaken: 2,
		limiterRefusals: 1,
		idempotentReplays: 1,
		linksByDestination: { 'https://stats.example.org/a': 1 },
	});
	expect(stats.records.map((r: { url: string; status: number }) => `${r.status} ${r.url}`)).toEqual([
		'201 /v1/links',
		'201 /v1/links',
		'429 /v1/segments?limit=1',
	]);
	expect(stats.records.map((r: { idempotencyKey?: string }) => r.idempotencyKey)).toEqual(['stats-1', 'stats-1', undefined]);
	expect(stats.lastEndMs).toBeGreaterThanOrEqual(stats.firstStartMs);
	await admin('/__sandbox/stats/clear', 'POST');
	expect(await admin('/__sandbox/stats')).toMatchObject({ requests: 0, tokensTaken: 0 });
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
