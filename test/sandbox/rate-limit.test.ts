/**
 * A1: one token bucket per API key over /v1 and /feeds. A 429 is `{"error": "Too many requests"}`; which headers
 * come with it (and with every answer) is `--rate-limit-headers`: none (default), retry-after, full.
 */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { admin, get, post } from './http';

let sandbox: RunningSandbox;
/** A pinned clock, so refills happen when the test says and not when a busy machine gets round to it. */
let clock = Date.parse('2026-11-02T12:00:00.000Z');

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: () => clock });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const rateHeaders = (headers: Headers) => [...headers.keys()].filter((name) => name.startsWith('x-ratelimit') || name === 'retry-after');

it('by default answers 429 {"error": "Too many requests"} with no rate-limit header at all, then refills', async () => {
	sandbox.setRateLimit(2, 2);
	const first = await get(sandbox, '/v1/tags');
	expect(first.status).toBe(200);
	expect(rateHeaders(first.headers)).toEqual([]);
	await get(sandbox, '/v1/tags');
	const limited = await get(sandbox, '/v1/tags');
	expect(limited.status).toBe(429);
	expect(limited.body).toEqual({ error: 'Too many requests' });
	expect(rateHeaders(limited.headers)).toEqual([]);
	clock += 499;
	expect((await get(sandbox, '/v1/tags')).status).toBe(429);
	clock += 2;
	expect((await get(sandbox, '/v1/tags')).status).toBe(200);
});

it('retry-after: only Retry-After, only on 429s', async () => {
	sandbox.setRateLimit(0.25, 1);
	sandbox.setRateLimitHeaders('retry-after');
	const ok = await get(sandbox, '/v1/tags');
	expect(rateHeaders(ok.headers)).toEqual([]);
	const limited = await get(sandbox, '/v1/tags');
	expect(limited.status).toBe(429);
	expect(rateHeaders(limited.headers)).toEqual(['retry-after']);
	// One token at 0.25/s is 4 s away.
	expect(limited.headers.get('retry-after')).toBe('4');
});

it('full: the X-RateLimit-* set on every answer (401s too), Retry-After on 429s, dated on the sandbox\'s clock', async () => {
	sandbox.setRateLimit(4, 2);
	sandbox.setRateLimitHeaders('full');
	const first = await get(sandbox, '/v1/tags');
	expect(first.headers.get('x-ratelimit-limit')).toBe('2');
	expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
	expect(first.headers.get('x-ratelimit-policy')).toBe('2;w=0.5');
	expect(first.headers.get('x-ratelimit-reset-after')).toBe('0.25');
	expect(first.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((clock + 250) / 1000)));
	expect(first.headers.get('retry-after')).toBeNull();
	expect(first.headers.get('date')).toBe(new Date(clock).toUTCString());
	await get(sandbox, '/v1/tags');
	clock += 100;
	const limited = await get(sandbox, '/v1/tags');
	expect(limited.status).toBe(429);
	expect(limited.body).toEqual({ error: 'Too many requests' });
	expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
	expect(limited.headers.get('x-ratelimit-reset-after')).toBe('0.15');
	expect(limited.headers.get('retry-after')).toBe('1');
	const unauthorized = await get(sandbox, '/v1/tags', { key: null });
	expect(unauthorized.status).toBe(401);
	expect(unauthorized.headers.get('x-ratelimit-limit')).toBe('2');
});

it('keeps one bucket per key, counts /feeds and leaves /track, /health and the redirect alone (A3)', async () => {
	sandbox.setRateLimit(1, 1);
	expect((await get(sandbox, '/feeds/links.csv')).status).toBe(200);
	expect((await get(sandbox, '/v1/tags')).status).toBe(429);
	expect((await get(sandbox, '/v1/tags', { key: sandbox.otherWorkspaceKey })).status).toBe(200);
	expect((await get(sandbox, `/feeds/links.csv?api_key=${sandbox.apiKey}`, { key: null })).status).toBe(429);
	for (let i = 0; i < 3; i++) {
		expect((await post(sandbox, '/track/lead', { publishable_key: sandbox.publishableKey, customer_external_id: 'c' }, { key: null })).status).toBe(201);
		expect((await get(sandbox, '/health', { key: null })).status).toBe(200);
		expect((await fetch(`${sandbox.url}/${sandbox.foreignCodes[0]}`, { redirect: 'manual' })).status).toBe(302);
	}
});

it('the admin API sets rate, burst and header mode; reset restores what the sandbox started with', async () => {
	expect(await admin(sandbox, '/__sandbox/rate-limit', { burst: 1, headers: 'retry-after' })).toEqual({ rate: 50, burst: 1, headers: 'retry-after' });
	await get(sandbox, '/v1/tags');
	const limited = await get(sandbox, '/v1/tags');
	expect(limited.status).toBe(429);
	expect(limited.headers.get('retry-after')).toBe('1');
	expect(await admin(sandbox, '/__sandbox/rate-limit', { headers: 'full' })).toMatchObject({ headers: 'full' });
	await expect(admin(sandbox, '/__sandbox/rate-limit', { headers: 'some' })).rejects.toThrow(/400/);
	await expect(admin(sandbox, '/__sandbox/rate-limit', { rate: 0 })).rejects.toThrow(/400/);
	sandbox.reset();
	expect(await admin(sandbox, '/__sandbox/state')).toMatchObject({ rateLimit: { rate: 50, burst: 100, headers: 'none' } });
});

it('a sandbox can start in a header mode', async () => {
	const full = await startTestSandbox({ rateLimitHeaders: 'full', burst: 3 });
	try {
		expect((await get(full, '/v1/tags')).headers.get('x-ratelimit-limit')).toBe('3');
	} finally {
		await full.stop();
	}
});

it('counts what it served: by status and route, tokens taken, limiter refusals', async () => {
	sandbox.setRateLimit(1, 2);
	await get(sandbox, '/v1/tags');
	await get(sandbox, '/v1/tags', { key: null });
	await get(sandbox, '/v1/lists');
	await get(sandbox, '/v1/lists');
	await post(sandbox, '/track/lead', { publishable_key: sandbox.publishableKey, customer_external_id: 'c' }, { key: null });
	const stats = await admin<Record<string, unknown>>(sandbox, '/__sandbox/stats?requests=1');
	expect(stats).toMatchObject({
		requests: 5,
		byStatus: { 200: 2, 401: 1, 429: 1, 201: 1 },
		byRoute: { 'GET /v1/tags': 2, 'GET /v1/lists': 2, 'POST /track/lead': 1 },
		tokensTaken: 2,
		limiterRefusals: 1,
	});
	expect(stats.records).toHaveLength(5);
	expect((stats.records as Array<{ url: string; status: number }>)[3]).toMatchObject({ method: 'GET', url: '/v1/lists', status: 429, tokenTaken: false });
	await admin(sandbox, '/__sandbox/stats/clear', {});
	expect(await admin(sandbox, '/__sandbox/stats')).toMatchObject({ requests: 0, tokensTaken: 0 });
});
