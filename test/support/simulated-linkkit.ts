/**
 * Linkkit's rate limiter in virtual time, behind a LinkkitPort: one token bucket per API key (docs/assumptions.md,
 * A1), the header sets a real API might send, network latency (fixed or jittered), a server clock that may differ
 * from the client's, and a limit that can change mid-run. For pacing tests that need minutes of traffic from several
 * clients; everything that can run over real HTTP runs against the sandbox instead.
 *
 * Self-contained on purpose (no import from sandbox/): the pacing tests state the bucket they pace against here,
 * and the sandbox may change its implementation without changing what these tests prove.
 */

import { LinkkitHttp } from '../../core/http';
import type { HttpRequest, HttpResponse, LinkkitPort } from '../../core/transport';
import { VirtualClock } from './virtual-time';

/**
 * `none`: a 429 is a bare `{"error": "Too many requests"}` (what Linkkit documents), answers carry only `Date`.
 * `retry-after`: the same with `Retry-After: <whole seconds>` on 429s. `contract`: every header the sandbox's `--rate-limit-headers full` sends
 * (Limit, Remaining, epoch Reset, Reset-After to the ms, Policy, Date; Retry-After on 429s). `coarse`: Limit,
 * Remaining, an epoch Reset and Date (whole seconds, no policy). `epoch-only`: Limit, Remaining and an epoch Reset,
 * no Date (plus Retry-After on 429s).
 */
export type HeaderStyle = 'none' | 'retry-after' | 'contract' | 'coarse' | 'epoch-only';

export interface Limit {
	/** Tokens per second. */
	rate: number;
	/** Bucket size. */
	burst: number;
}

export interface SimulatedLinkkitOptions extends Limit {
	/** Round trip in ms, split evenly before and after the server takes the token; [min, max] draws each one. */
	latencyMs?: number | [number, number];
	/** The server's clock minus the client's. */
	serverAheadMs?: number;
	headers?: HeaderStyle;
	/** Seed for the latency draws (and, in simulateTraffic, the clients' own random draws). */
	seed?: number;
	/** Share of requests that take a token and then fail with a 503 (the work failed after the limit let it in). */
	faultShare?: number;
}

export interface ServedRequest {
	client: string;
	at: number;
	status: number;
}

/** A seeded generator (Park–Miller), so every simulated run is the same on every machine. */
export function seeded(seed: number): () => number {
	let state = Math.max(1, Math.floor(seed)) % 2147483647;
	return () => {
		state = (state * 16807) % 2147483647;
		return (state - 1) / 2147483646;
	};
}

/** One key's token bucket: holds at most `burst`, refills `rate` per second, each allowed request takes one. */
export class TokenBucket {
	private tokens: number;
	private updated: number;

	constructor(
		private limit: Limit,
		now: number,
	) {
		this.tokens = limit.burst;
		this.updated = now;
	}

	get current(): Limit {
		return { ...this.limit };
	}

	/** A new limit from `now` on; the tokens already there stay (up to the new size). */
	change(limit: Limit, now: number): void {
		this.refill(now);
		this.limit = limit;
		this.tokens = Math.min(limit.burst, this.tokens);
	}

	take(now: number): { allowed: boolean; tokens: number } {
		this.refill(now);
		const allowed = this.tokens >= 1;
		if (allowed) this.tokens -= 1;
		return { allowed, tokens: this.tokens };
	}

	private refill(now: number): void {
		this.tokens = Math.min(this.limit.burst, this.tokens + (Math.max(0, now - this.updated) / 1000) * this.limit.rate);
		this.updated = now;
	}
}

/** Seconds with at most three decimals: `0.184`, `1`, `2.5`. */
const seconds = (value: number) => String(Math.round(value * 1000) / 1000);

export class SimulatedLinkkit {
	readonly served: ServedRequest[] = [];
	private readonly bucket: TokenBucket;
	private readonly latency: () => number;
	/** Limits in force from a virtual instant on, for the ratio to what the limit allowed. */
	private readonly limits: Array<{ from: number } & Limit>;

	constructor(
		private readonly clock: VirtualClock,
		private readonly options: SimulatedLinkkitOptions,
	) {
		this.bucket = new TokenBucket(options, this.serverNow());
		this.limits = [{ from: clock.now(), rate: options.rate, burst: options.burst }];
		const latency = options.latencyMs ?? 0;
		const random = seeded(options.seed ?? 7);
		this.latency = typeof latency === 'number' ? () => latency : () => latency[0] + random() * (latency[1] - latency[0]);
		const faults = seeded((options.seed ?? 7) + 1000);
		this.faulted = () => faults() < (options.faultShare ?? 0);
	}

	private readonly faulted: () => boolean;

	private serverNow(): number {
		return this.clock.now() + (this.options.serverAheadMs ?? 0);
	}

	/** Changes the limit now (say, Linkkit lowering it from 20 to 5 per second mid-run). */
	changeLimit(limit: Limit): void {
		this.bucket.change(limit, this.serverNow());
		this.limits.push({ from: this.clock.now(), ...limit });
	}

	/** Tokens the limit let in between two virtual instants: the starting bucket plus the refill in between. */
	allowedBetween(start: number, end: number): { burst: number; refill: number } {
		let refill = 0;
		this.limits.forEach((limit, i) => {
			const from = Math.max(start, limit.from);
			const to = Math.min(end, this.limits[i + 1]?.from ?? Infinity);
			if (to > from) refill += ((to - from) / 1000) * limit.rate;
		});
		return { burst: this.limits[0].burst, refill };
	}

	private headersFor(allowed: boolean, tokens: number): Record<string, string> {
		const { rate, burst } = this.bucket.current;
		const now = this.serverNow();
		const remaining = Math.floor(tokens);
		const toOneToken = tokens >= 1 ? 0 : (1 - tokens) / rate;
		const resetSeconds = remaining === 0 ? toOneToken : (burst - tokens) / rate;
		const retryAfter: Record<string, string> = allowed ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(toOneToken))) };
		const date = new Date(now).toUTCString();
		const basic = {
			'X-RateLimit-Limit': String(burst),
			'X-RateLimit-Remaining': String(remaining),
			'X-RateLimit-Reset': String(Math.ceil((now + resetSeconds * 1000) / 1000)),
		};
		switch (this.options.headers ?? 'contract') {
			// Any HTTP server sends its Date; the pacer must not need it (nor trust it) without rate-limit headers.
			case 'none':
				return { Date: date };
			case 'retry-after':
				return { Date: date, ...retryAfter };
			case 'contract':
				return {
					...basic,
					// Rounded up, so a client that waits this long always finds the token there.
					'X-RateLimit-Reset-After': seconds(Math.ceil(resetSeconds * 1000) / 1000),
					'X-RateLimit-Policy': `${burst};w=${seconds(burst / rate)}`,
					Date: date,
					...retryAfter,
				};
			case 'coarse':
				return { ...basic, Date: date, ...retryAfter };
			case 'epoch-only':
				return { ...basic, ...retryAfter };
		}
	}

	/** A port for one client; all ports share the one bucket (one API key). */
	port(client: string, random: () => number = Math.random): LinkkitPort & { requests: HttpRequest[]; sleeps: number[] } {
		const requests: HttpRequest[] = [];
		const sleeps: number[] = [];
		return {
			requests,
			sleeps,
			now: this.clock.now,
			random,
			sleep: async (ms) => {
				sleeps.push(ms);
				await this.clock.sleep(ms);
			},
			send: async (request): Promise<HttpResponse> => {
				requests.push(request);
				const half = this.latency() / 2;
				await this.clock.sleep(half);
				const { allowed, tokens } = this.bucket.take(this.serverNow());
				const failed = allowed && this.faulted();
				const status = failed ? 503 : allowed ? (request.method === 'POST' ? 201 : 200) : 429;
				this.served.push({ client, at: this.clock.now(), status });
				const headers = { 'content-type': 'application/json', ...this.headersFor(allowed, tokens) };
				const body = failed ? { error: 'Service unavailable' } : allowed ? { id: `lnk_${this.served.length}`, destination: 'https://example.com' } : { error: 'Too many requests' };
				await this.clock.sleep(half);
				return { status, headers, body };
			},
		};
	}

	count(status: number, client?: string): number {
		return this.served.filter((r) => r.status === status && (client === undefined || r.client === client)).length;
	}
}

export interface TrafficOptions extends SimulatedLinkkitOptions {
	/** Clients on the one key, each with its own LinkkitHttp and so its own pacer (n8n executions, workers). */
	clients?: number;
	/** Requests each client keeps in flight (the node's Create runs up to 10). */
	lanes?: number;
	/** Creates each client sends. */
	count: number;
	/** When each client starts, ms after the first (default: all at once). */
	startsMs?: number[];
	/** Limit changes, ms after the start. */
	changes?: Array<{ atMs: number } & Limit>;
	maxWaitMs?: number;
}

export interface ClientRun {
	ok: number;
	refused: number;
	/** Seconds from the run's start to this client's start and end. */
	startedAt: number;
	endedAt: number;
	errors: Error[];
	sleeps: number[];
}

export interface TrafficRun {
	server: SimulatedLinkkit;
	/** From the first client's start to the last one's end. */
	seconds: number;
	clients: ClientRun[];
	errors: Error[];
	/** Requests that went through, beyond the starting bucket, over the refill the limit allowed meanwhile. */
	ratioToLimit: number;
	/** Answers that were 429, of all answers. */
	share429: number;
}

/** `lanes` creates in flight at a time, `count` in all, through one LinkkitHttp. */
async function createMany(http: LinkkitHttp, count: number, lanes: number, tag: string): Promise<Error[]> {
	const errors: Error[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: lanes }, async () => {
			while (next < count) {
				const i = next++;
				await http.call('createLink', { body: { url: `https://example.com/${tag}/${i}` } }).catch((error: Error) => errors.push(error));
			}
		}),
	);
	return errors;
}

/** Runs clients against one simulated key in virtual time and measures what they got out of the limit. */
export async function simulateTraffic(options: TrafficOptions): Promise<TrafficRun> {
	const clock = new VirtualClock();
	const server = new SimulatedLinkkit(clock, options);
	const start = clock.now();
	const clients: ClientRun[] = [];
	const changes = (options.changes ?? []).map(async ({ atMs, ...limit }) => {
		await clock.sleep(atMs);
		server.changeLimit(limit);
	});
	const work = Array.from({ length: options.clients ?? 1 }, async (_, c) => {
		await clock.sleep(options.startsMs?.[c] ?? 0);
		const startedAt = (clock.now() - start) / 1000;
		const port = server.port(`client${c}`, seeded((options.seed ?? 0) * 100 + c + 11));
		const retry = options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs };
		const http = new LinkkitHttp(port, { baseUrl: 'https://api.uselinkkit.com', retry });
		const errors = await createMany(http, options.count, options.lanes ?? 1, `c${c}`);
		const name = `client${c}`;
		clients[c] = { ok: server.count(201, name), refused: server.count(429, name), startedAt, endedAt: (clock.now() - start) / 1000, errors, sleeps: port.sleeps };
	});
	// Limit changes due after the last client finished never happen.
	await clock.run(Promise.all(work));
	void changes;
	const end = Math.max(...clients.map((c) => c.endedAt)) * 1000 + start;
	const ok = server.served.length - server.count(429);
	const allowed = server.allowedBetween(start, end);
	return {
		server,
		seconds: (end - start) / 1000,
		clients,
		errors: clients.flatMap((c) => c.errors),
		ratioToLimit: Math.max(0, ok - allowed.burst) / allowed.refill,
		share429: server.count(429) / server.served.length,
	};
}
