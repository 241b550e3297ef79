/**
 * The pacer against Linkkit's token bucket in virtual time (test/support/simulated-linkkit.ts: one bucket per key,
 * the header sets a real API might send, latency and a server clock that may be off), so minutes of traffic from one
 * or several clients run in milliseconds and every figure is exact. Rates here are properties of the algorithm, not
 * of this machine. This file covers answers with rate-limit headers; pacing-without-headers.test.ts covers the bare
 * 429s Linkkit documents.
 */

import { LinkkitHttp } from '../../core/http';
import { parsePolicy, readRateLimit } from '../../core/rate-limit-headers';
import { FakePort, json } from '../support/fake-port';
import { SimulatedLinkkit, simulateTraffic, type TrafficOptions } from '../support/simulated-linkkit';
import { VirtualClock } from '../support/virtual-time';

/** The old runs' shape: one or more clients, each `count` creates through `lanes` lanes; figures from the driver. */
async function simulate(options: TrafficOptions) {
	const run = await simulateTraffic(options);
	return { ...run, clientSeconds: run.clients.map((c) => c.endedAt), sleeps: run.clients.flatMap((c) => c.sleeps) };
}

describe('one client', () => {
	it.each([2, 5, 20])('moves at the limit (%i/s, burst the same) with no 429', async (rate) => {
		const run = await simulate({ rate, burst: rate, latencyMs: 20, count: 150 });
		expect(run.errors).toEqual([]);
		expect(run.server.count(429)).toBe(0);
		expect(run.server.count(201)).toBe(150);
		expect(run.ratioToLimit).toBeGreaterThan(0.97);
		expect(run.ratioToLimit).toBeLessThanOrEqual(1);
	});

	it('keeps several requests in flight when latency, not the limit, is the bottleneck (100 ms, 50/s)', async () => {
		const oneAtATime = await simulate({ rate: 50, burst: 50, latencyMs: 100, count: 500 });
		const eightLanes = await simulate({ rate: 50, burst: 50, latencyMs: 100, count: 500, lanes: 8 });
		// One at a time is held to one request per round trip: 10/s.
		expect(oneAtATime.seconds).toBeGreaterThan(49);
		expect(eightLanes.server.count(429)).toBe(0);
		expect(eightLanes.ratioToLimit).toBeGreaterThan(0.95);
	});

	it('starts with one request, then spends the burst it learns about', async () => {
		const clock = new VirtualClock();
		const server = new SimulatedLinkkit(clock, { rate: 1, burst: 5, latencyMs: 100 });
		const http = new LinkkitHttp(server.port('only'), { baseUrl: 'https://api.uselinkkit.com' });
		await clock.run(Promise.all(Array.from({ length: 5 }, (_, i) => http.call('createLink', { body: { url: `https://example.com/${i}` } }))));
		const times = server.served.map((r) => r.at - server.served[0].at);
		// The first answer (after one round trip) shows four tokens left: the other four go together.
		expect(times).toEqual([0, 100, 100, 100, 100]);
		expect(server.count(429)).toBe(0);
	});
});

describe('clocks', () => {
	// Reproduced before the pacer read relative values: after Remaining hit 0, every call failed at once with
	// "resets in 92 s" without being sent, because the epoch reset was compared with a clock 90 s behind.
	it.each(['contract', 'coarse'] as const)('does not trust the local clock: client 90 s behind the server (%s headers)', async (headers) => {
		const run = await simulate({ rate: 5, burst: 5, latencyMs: 20, count: 60, lanes: 4, headers, serverAheadMs: 90_000, maxWaitMs: 10_000 });
		expect(run.errors).toEqual([]);
		expect(run.server.count(201)).toBe(60);
		expect(Math.max(...run.sleeps)).toBeLessThan(2_000);
		expect(run.server.count(429)).toBe(0);
	});

	it('ignores an epoch reset that comes without a Date (nothing to measure it against), and is paced by 429s instead', async () => {
		const run = await simulate({ rate: 5, burst: 5, latencyMs: 20, count: 60, lanes: 4, headers: 'epoch-only', serverAheadMs: 90_000, maxWaitMs: 10_000 });
		expect(run.errors).toEqual([]);
		expect(run.server.count(201)).toBe(60);
		expect(Math.max(...run.sleeps)).toBeLessThanOrEqual(1_000);
		// One 429 each time the bucket runs dry; its Retry-After then holds every lane.
		expect(run.share429).toBeLessThan(0.25);
	});

	it('client 90 s ahead of the server: waits the real time to the token, not zero', async () => {
		const run = await simulate({ rate: 5, burst: 5, latencyMs: 20, count: 60, headers: 'coarse', serverAheadMs: -90_000 });
		expect(run.errors).toEqual([]);
		expect(run.server.count(429)).toBe(0);
	});
});

describe('headers missing or coarse', () => {
	it('without any rate-limit header: paced by what the 429s teach (the goals are in pacing-without-headers.test.ts)', async () => {
		const run = await simulate({ rate: 5, burst: 5, latencyMs: 20, count: 60, lanes: 4, headers: 'none' });
		expect(run.errors).toEqual([]);
		expect(run.server.count(201)).toBe(60);
		expect(run.share429).toBeLessThan(0.25);
	});

	it('with a whole-second reset and no policy: spends Remaining, then waits for the reset (measured against Date), no 429', async () => {
		const run = await simulate({ rate: 5, burst: 5, latencyMs: 20, count: 60, lanes: 4, headers: 'coarse' });
		expect(run.errors).toEqual([]);
		expect(run.server.count(429)).toBe(0);
		// Whole seconds cost some of the limit, but not half of it.
		expect(run.ratioToLimit).toBeGreaterThan(0.75);
		expect(Math.max(...run.sleeps)).toBeLessThanOrEqual(2_000);
	});

	it('retries a 429 at the precise next token, not after the whole-second Retry-After', async () => {
		const limited = json(
			429,
			{ error: { code: 'rate_limited', message: 'Rate limit exceeded' } },
			{ 'retry-after': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.05', 'x-ratelimit-policy': '5;w=1', 'x-ratelimit-limit': '5' },
		);
		const port = new FakePort([limited, json(200, { id: 'lnk_1' })]);
		// No random spread after the 429 (it would aim at a later token, for clients colliding on one key).
		port.randomValue = 0;
		await new LinkkitHttp(port, { baseUrl: 'https://api.uselinkkit.com' }).call('getLink', { pathParams: { shortCode: 'abc123' } });
		expect(port.sleeps).toEqual([50]);
	});
});

describe('clients sharing one API key (n8n queue-mode workers, parallel executions)', () => {
	it('two clients converge on the limit between them with few 429s, neither starved', async () => {
		for (const rate of [5, 20]) {
			const run = await simulate({ rate, burst: rate, latencyMs: 50, count: 200, clients: 2, lanes: 4 });
			expect(run.errors).toEqual([]);
			expect(run.server.count(201)).toBe(400);
			expect(run.share429).toBeLessThan(0.03);
			expect(run.ratioToLimit).toBeGreaterThan(0.95);
			// Neither waits for the other to finish: both end within a few seconds of each other.
			expect(Math.abs(run.clientSeconds[0] - run.clientSeconds[1])).toBeLessThan(0.1 * run.seconds);
		}
	});

	it('four clients on 5/s still finish everything, with 429s under 10 %', async () => {
		const run = await simulate({ rate: 5, burst: 5, latencyMs: 50, count: 60, clients: 4, lanes: 4 });
		expect(run.errors).toEqual([]);
		expect(run.server.count(201)).toBe(240);
		expect(run.share429).toBeLessThan(0.1);
		expect(run.ratioToLimit).toBeGreaterThan(0.8);
	});
});

describe('reading the headers', () => {
	const response = (headers: Record<string, string>) => ({ status: 200, headers, body: {} });

	it('reads the policy in the contract\'s and the IETF draft\'s forms', () => {
		expect(parsePolicy('20;w=1')).toEqual({ quota: 20, ratePerSecond: 20 });
		expect(parsePolicy('5;w=2.5')).toEqual({ quota: 5, ratePerSecond: 2 });
		expect(parsePolicy('"default";q=100;w=60, "daily";q=1000;w=86400')).toEqual({ quota: 100, ratePerSecond: 100 / 60 });
		expect(parsePolicy('20')).toBeUndefined();
		expect(parsePolicy('w=1')).toBeUndefined();
	});

	it('prefers the relative reset, then the epoch reset against Date, then a small Reset as seconds left', () => {
		const date = 'Fri, 27 Nov 2026 12:00:00 GMT';
		const epoch = String(Date.parse(date) / 1000 + 3);
		expect(readRateLimit(response({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.25', 'x-ratelimit-reset': epoch, date }))).toMatchObject({
			resetAfterMs: 250,
			resetPrecise: true,
		});
		expect(readRateLimit(response({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch, date }))).toMatchObject({ resetAfterMs: 3000, resetPrecise: false });
		expect(readRateLimit(response({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' }))).toMatchObject({ resetAfterMs: 2000 });
		expect(readRateLimit(response({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch }))?.resetAfterMs).toBeUndefined();
		expect(readRateLimit(response({}))).toBeUndefined();
	});
});
