/**
 * The pacer when Linkkit's answers carry no rate-limit headers (what Linkkit documents: a 429 is a bare
 * `{"error": "Too many requests"}`, maybe with Retry-After; docs/assumptions.md A1), in virtual time against the
 * simulated key (test/support/simulated-linkkit.ts), over minutes of traffic. The goals it is held to: at least
 * 0.85 of the limit with at most 5 % of requests answered 429, at 2, 5 and 20 requests a second, with a burst of
 * twice the rate or a small one, for one client and for several on one key. Every figure here is computed from the
 * run; nothing depends on this machine's speed.
 */

import { LinkkitHttp } from '../../core/http';
import { FakePort, json } from '../support/fake-port';
import { simulateTraffic, type HeaderStyle, type TrafficOptions, type TrafficRun } from '../support/simulated-linkkit';

const GOAL = { ratio: 0.85, share429: 0.05 };

/** Round trips as the node sees them: a fast local one with 10 creates in flight, a slow one, a jittery one. */
const NETWORKS: Array<{ name: string; lanes: number; latencyMs: number | [number, number] }> = [
	{ name: '1 ms, 10 in flight', lanes: 10, latencyMs: 1 },
	{ name: '100 ms, 10 in flight', lanes: 10, latencyMs: 100 },
	{ name: '1-100 ms, 4 in flight', lanes: 4, latencyMs: [1, 100] },
];

/** Creates per client for a run of about `minutes` at the limit (at least `atLeast`). */
const countFor = (rate: number, clients: number, minutes = 3, atLeast = 300) => Math.max(atLeast, Math.round((rate * 60 * minutes) / clients));

function expectAllCreated(run: TrafficRun, clients: number, count: number): void {
	expect(run.errors).toEqual([]);
	expect(run.server.count(201)).toBe(clients * count);
}

/** The slowest client's run over the fastest's: far above 1 would mean one was starved while the other went. */
const endSpread = (run: TrafficRun) => Math.max(...run.clients.map((c) => c.endedAt)) / Math.min(...run.clients.map((c) => c.endedAt));

/** 429s answered in [from, to) seconds after the first request. */
function refusedBetween(run: TrafficRun, from: number, to: number): number {
	const start = run.server.served[0].at;
	return run.server.served.filter((r) => r.status === 429 && r.at - start >= from * 1000 && r.at - start < to * 1000).length;
}

async function overNetworks(options: Omit<TrafficOptions, 'lanes' | 'latencyMs'>): Promise<TrafficRun[]> {
	const runs: TrafficRun[] = [];
	for (const network of NETWORKS) runs.push(await simulateTraffic({ ...options, lanes: network.lanes, latencyMs: network.latencyMs }));
	return runs;
}

describe.each(['none', 'retry-after'] as HeaderStyle[])('one client, %s', (headers) => {
	it.each([
		[2, 4],
		[2, 2],
		[5, 10],
		[5, 3],
		[20, 40],
		[20, 5],
	])('finds %i/s (burst %i) from 429s: at least 0.85 of the limit with at most 5 %% 429s, over 3 minutes, on every network', async (rate, burst) => {
		const count = countFor(rate, 1);
		for (const run of await overNetworks({ headers, rate, burst, count })) {
			expectAllCreated(run, 1, count);
			expect(run.ratioToLimit).toBeGreaterThanOrEqual(GOAL.ratio);
			expect(run.ratioToLimit).toBeLessThanOrEqual(1);
			expect(run.share429).toBeLessThanOrEqual(GOAL.share429);
		}
	});

	it('moves one request at a time at the limit too (one create in flight, 20 ms)', async () => {
		for (const [rate, burst] of [
			[2, 4],
			[5, 10],
			[5, 3],
			[20, 40],
		]) {
			const run = await simulateTraffic({ headers, rate, burst, count: countFor(rate, 1), lanes: 1, latencyMs: 20 });
			expect(run.errors).toEqual([]);
			expect(run.ratioToLimit).toBeGreaterThanOrEqual(GOAL.ratio);
			expect(run.share429).toBeLessThanOrEqual(GOAL.share429);
		}
	});
});

describe('without rate-limit headers, under server errors', () => {
	// A 5xx took a token like any answer that is not a 429 (the limit is checked before the work that failed, A2):
	// counted as not taken, the pace learned between two 429s ran about a fifth low at a fifth of requests failing.
	it.each([2, 5, 20])('at %i/s with 20 %% of requests answered 503: as near the limit as without them, at most 5 %% 429s', async (rate) => {
		const count = countFor(rate, 1);
		const traffic = { headers: 'none' as const, rate, burst: rate * 2, count, lanes: 10, latencyMs: [1, 100] as [number, number] };
		const clean = await simulateTraffic(traffic);
		const run = await simulateTraffic({ ...traffic, faultShare: 0.2 });
		// Measured before the fix: 0.866, 0.883 and 0.886 with the errors against 0.993, 0.993 and 0.908 without.
		expect(run.ratioToLimit).toBeGreaterThanOrEqual(clean.ratioToLimit - 0.02);
		// Creates through POST are not sent again after a 503 (it may have been carried out): each is an error here.
		expect(run.errors.length).toBe(run.server.count(503));
		expect(run.server.count(503)).toBeGreaterThan(count * 0.1);
		expect(run.ratioToLimit).toBeGreaterThanOrEqual(GOAL.ratio);
		expect(run.share429).toBeLessThanOrEqual(GOAL.share429);
	});
});

describe('without rate-limit headers: the start and the 429s', () => {
	it('does not spray 429s while it starts: at most 10 in the first 10 s, whatever the limit, burst or network', async () => {
		for (const [rate, burst] of [
			[2, 4],
			[2, 2],
			[5, 10],
			[5, 3],
			[20, 40],
			[20, 5],
		]) {
			for (const run of await overNetworks({ headers: 'none', rate, burst, count: 300 })) expect(refusedBetween(run, 0, 10)).toBeLessThanOrEqual(10);
		}
	});

	it('Create of 300 items at 5/s: the goals hold for a run of one minute', async () => {
		for (const burst of [10, 3]) {
			const run = await simulateTraffic({ headers: 'none', rate: 5, burst, count: 300, lanes: 10, latencyMs: 20 });
			expectAllCreated(run, 1, 300);
			expect(run.ratioToLimit).toBeGreaterThanOrEqual(GOAL.ratio);
			expect(run.share429).toBeLessThanOrEqual(GOAL.share429);
		}
	});

	it('retries a bare 429 through the learned pace: not at once (the bucket is empty), and without a backoff of its own', async () => {
		const tooMany = json(429, { error: 'Too many requests' });
		const port = new FakePort([json(200, { id: 'a' }), tooMany, json(200, { id: 'b' })]);
		port.randomValue = 0.5;
		const http = new LinkkitHttp(port, { baseUrl: 'https://api.uselinkkit.com', retry: { baseDelayMs: 60_000 } });
		await http.call('getLink', { pathParams: { shortCode: 'abc123' } });
		const before = port.clock;
		await http.call('getLink', { pathParams: { shortCode: 'abc123' } });
		// The second call waited for the pace, met the 429, and its retry waited for a fresh token: more than nothing,
		// far less than the 60 s backoff step a blind retry would have drawn.
		expect(port.requests).toHaveLength(3);
		expect(port.sleeps.length).toBeGreaterThanOrEqual(2);
		expect(port.clock - before).toBeGreaterThan(0);
		expect(Math.max(...port.sleeps)).toBeLessThan(2_000);
	});

	it('with Retry-After, the refused request sits it out, and the others keep the learned pace', async () => {
		const run = await simulateTraffic({ headers: 'retry-after', rate: 5, burst: 10, count: 900, lanes: 10, latencyMs: 20 });
		expect(run.errors).toEqual([]);
		expect(run.clients[0].sleeps).toContain(1000);
		expect(run.ratioToLimit).toBeGreaterThanOrEqual(GOAL.ratio);
		expect(run.share429).toBeLessThanOrEqual(GOAL.share429);
	});

	it.each([-300_000, 300_000])('does not use the server clock: Linkkit %i ms off this machine changes nothing', async (serverAheadMs) => {
		for (const headers of ['none', 'retry-after', 'contract'] as HeaderStyle[]) {
			const offset = await simulateTraffic({ headers, rate: 5, burst: 10, count: 900, lanes: 10, latencyMs: 20, serverAheadMs, maxWaitMs: 10_000 });
			const same = await simulateTraffic({ headers, rate: 5, burst: 10, count: 900, lanes: 10, latencyMs: 20, maxWaitMs: 10_000 });
			expect(offset.errors).toEqual([]);
			expect(offset.ratioToLimit).toBeGreaterThanOrEqual(GOAL.ratio);
			expect(offset.share429).toBeLessThanOrEqual(GOAL.share429);
			expect(offset.server.count(429)).toBe(same.server.count(429));
			expect(Math.max(...offset.clients[0].sleeps)).toBeLessThanOrEqual(1_000);
		}
	});
});

describe('without rate-limit headers: a limit that changes', () => {
	it.each([1, 2])('follows a drop from 20/s to 5/s a minute in (%i clients): few 429s after it, the goals over the run', async (clients) => {
		const count = countFor(20, clients, 4);
		const run = await simulateTraffic({ headers: 'none', rate: 20, burst: 40, clients, count, lanes: 10, latencyMs: 20, changes: [{ atMs: 60_000, rate: 5, burst: 10 }] });
		expectAllCreated(run, clients, count);
		// ratioToLimit counts what the limit allowed before and after the change.
		expect(run.ratioToLimit).toBeGreaterThanOrEqual(GOAL.ratio);
		expect(run.share429).toBeLessThanOrEqual(GOAL.share429);
		expect(refusedBetween(run, 60, 80)).toBeLessThanOrEqual(10 * clients);
	});
});

describe('without rate-limit headers: clients sharing one key (parallel executions, queue-mode workers)', () => {
	it.each([
		[2, 5, 10],
		[2, 5, 3],
		[2, 20, 40],
		[2, 20, 5],
		[4, 20, 40],
	])('%i clients at %i/s (burst %i): the goals hold between them over 3 minutes, and none is starved', async (clients, rate, burst) => {
		const count = countFor(rate, clients);
		for (const run of await overNetworks({ headers: 'none', rate, burst, clients, count })) {
			expectAllCreated(run, clients, count);
			expect(run.ratioToLimit).toBeGreaterThanOrEqual(GOAL.ratio);
			expect(run.share429).toBeLessThanOrEqual(GOAL.share429);
			expect(endSpread(run)).toBeLessThan(2.5);
		}
	});
});

/**
 * Where the goals are not met yet: several clients that each get about one request a second or less. There, even
 * one probe per client per minute is a large share of the requests, and the 429s that end each client's start add
 * up. These pin today's figures so they can only get better.
 */
describe('without rate-limit headers: below the goals, several clients at one request a second or less each', () => {
	it.each([
		[2, 2, 4, 0.85, 0.07],
		[2, 2, 2, 0.75, 0.07],
		[4, 5, 10, 0.75, 0.07],
		[4, 5, 3, 0.7, 0.06],
		[4, 2, 4, 0.85, 0.09],
		[4, 2, 2, 0.6, 0.11],
	])('%i clients at %i/s (burst %i): everything is created, at least %f of the limit, at most %f 429s', async (clients, rate, burst, ratio, share429) => {
		const count = countFor(rate, clients);
		for (const run of await overNetworks({ headers: 'none', rate, burst, clients, count })) {
			expectAllCreated(run, clients, count);
			expect(run.ratioToLimit).toBeGreaterThanOrEqual(ratio);
			expect(run.share429).toBeLessThanOrEqual(share429);
		}
	});
});
