/**
 * Proactive pacing: send each request when Linkkit's token bucket will have a token for it, so a run moves at
 * the rate limit without spending round trips on 429s, several requests may be in flight at once, and several
 * independent clients sharing one API key (n8n queue-mode workers, parallel executions) settle on a share each.
 *
 * Requests pass a gate one at a time (held only while waiting for a token, never during a request). The first goes
 * alone: its answer says which rate-limit headers Linkkit sends, which decides what paces the others.
 *  - With a refill rate (`X-RateLimit-Policy`), a request goes out when the bucket model (bucket-model.ts) has a token
 *    for it; every answer re-anchors the model on what Linkkit says, so errors never add up.
 *  - With `X-RateLimit-Remaining` but no refill rate: spend what Remaining says, then wait for the reset; with no usable
 *    reset either, one request at a time while the bucket is empty (each answer says what is left).
 *  - With no count of what is left (what Linkkit documents: a 429 is a bare `{"error": …}`, maybe with Retry-After):
 *    the pace rate-discovery.ts learns from the 429s themselves. A 429's retry goes back through that pace; a
 *    Retry-After holds only the request it answered.
 * Times are measured only between moments on the local clock; server instants come in relative form
 * (rate-limit-headers.ts). A wait the pacer cannot be sure of is never a reason to refuse a request.
 */

import { BucketModel } from './bucket-model';
import { NotSent } from './concurrency';
import { header } from './headers';
import { RateDiscovery } from './rate-discovery';
import { readRateLimit, type RateLimitReading } from './rate-limit-headers';
import { parseRetryAfter } from './retry-policy';
import type { HttpResponse } from './transport';

export interface PacerClock {
	now(): number;
	sleep(ms: number): Promise<void>;
	random(): number;
}

export interface PaceLimits {
	/** The longest this request may wait for the limit; `refuse` is called (and must throw) for a longer known wait. */
	maxWaitMs: number;
	refuse(waitMs: number): never;
	/** Asked when the request's turn comes; false drops it unsent (NotSent) without taking a token. */
	proceed?: () => boolean;
}

export interface PaceSlot {
	/** Time spent in the pacer (queueing behind this client's other requests included). */
	waitedMs: number;
	/** Reports the answer (or its absence: a network failure) of the request this slot let out. Once. */
	done(response?: HttpResponse): void;
}

/**
 * `byHeaders`: let out on what the headers say (the model or Remaining), not on the pace learned from 429s.
 * `estimated`: a wait from the learned pace, not from anything Linkkit said, so never a reason to refuse up front.
 */
type Decision = { go: true; byHeaders?: boolean } | { go: false; waitMs: number; estimated?: boolean } | { go: false; awaitAnswer: true };

/** The most tokens of random spread after repeated 429s. */
const MAX_COLLISION_SPREAD = 4;

export class RateLimitPacer {
	private gate: Promise<void> = Promise.resolve();
	/** Requests let out so far; a request's sequence number is the count before it. */
	private sent = 0;
	private inFlight = 0;
	/** The newest request (by sequence) whose answer was read; older answers arriving late are stale. */
	private newestSeen = -1;
	private answerWaiters: Array<() => void> = [];
	/** 429s since the last success. */
	private collisions = 0;
	/** Sequence numbers answered 429 (they took no token) not yet accounted for in the model. */
	private refused = new Set<number>();
	/** With a refill rate known. */
	private model?: BucketModel;
	/** Fallback without a refill rate: what the newest answer said, and when its reset falls (local ms). */
	private window?: { remaining: number; seq: number; resetAt?: number };
	/** Without rate-limit headers: the pace learned from 429s (rate-discovery.ts). */
	private readonly discovery: RateDiscovery;
	/** Whether any answer came yet (before it, one request at a time: the first answer says which headers exist). */
	private heard = false;

	constructor(private readonly clock: PacerClock) {
		this.discovery = new RateDiscovery(clock.now());
	}

	/**
	 * Waits (first in line behind this client's earlier requests) until a request may go out, and takes its token.
	 * Throws through `limits.refuse` when the wait is known to exceed what the caller allows.
	 */
	async acquire(limits: PaceLimits): Promise<PaceSlot> {
		const before = this.gate;
		let release = () => {};
		this.gate = new Promise((resolve) => (release = resolve));
		const queuedAt = this.clock.now();
		try {
			await before;
			const startedAt = this.clock.now();
			const spread = this.clock.random();
			let paced = false;
			let byHeaders = false;
			for (;;) {
				const decision = this.decide(this.clock.now(), spread);
				if (decision.go) {
					byHeaders = decision.byHeaders === true;
					break;
				}
				paced = true;
				if ('awaitAnswer' in decision) {
					await new Promise<void>((resolve) => this.answerWaiters.push(resolve));
					continue;
				}
				const waitMs = Math.ceil(decision.waitMs);
				const allowed = limits.maxWaitMs - (this.clock.now() - startedAt);
				if (waitMs <= allowed) {
					await this.clock.sleep(waitMs);
					continue;
				}
				// A learned pace is an estimate: wait what is allowed, then try (a 429 costs nothing); a wait the
				// headers name is known, and refused at once.
				if (!decision.estimated || allowed <= 0) limits.refuse(waitMs);
				await this.clock.sleep(allowed);
				break;
			}
			if (limits.proceed && !limits.proceed()) throw new NotSent();
			const seq = this.letOut(this.clock.now(), paced, byHeaders);
			let answered = false;
			return {
				waitedMs: this.clock.now() - queuedAt,
				done: (response) => {
					if (answered) return;
					answered = true;
					this.answered(seq, response);
				},
			};
		} finally {
			release();
		}
	}

	/**
	 * How long to wait before retrying this 429 through the pacer, or undefined when the caller should sit out the
	 * 429's Retry-After (or back off) instead.
	 *  - With a refill rate or the precise next token in the headers, for a 429 the bucket explains (nothing
	 *    remaining): the reset they name (`X-RateLimit-Reset-After`, else the epoch reset against `Date`), 0 when they
	 *    name none. One sent while tokens remain came from some other limit, and its Retry-After stands.
	 *  - A bare 429 (no rate-limit header, no Retry-After): 0. The learned pace has just been cut and anchored at an
	 *    empty bucket, so `acquire` times the retry; a backoff of its own would only add to that.
	 *  - Otherwise (a Retry-After, or a Remaining without a precise reset): undefined.
	 */
	retryWaitOf(response: HttpResponse): number | undefined {
		const reading = readRateLimit(response);
		const timed =
			reading !== undefined &&
			reading.remaining !== undefined &&
			reading.remaining < 1 &&
			(reading.ratePerSecond !== undefined || reading.resetPrecise);
		if (timed) return reading.resetAfterMs ?? 0;
		if (reading !== undefined || header(response, 'retry-after') !== undefined) return undefined;
		// A bare 429: the learned pace (just cut, and anchored at an empty bucket) times the retry in `acquire`.
		return 0;
	}

	/** `spread` in [0, 1) is drawn once per request, for the random part of the wait after collisions. */
	private decide(now: number, spread: number): Decision {
		if (this.model) {
			// After 429s, aim at a random later token (up to one more per recent collision, like Ethernet's backoff),
			// so clients that just collided do not all reach for the same next one.
			const waitMs = this.model.msUntil(this.model.wanted(spread * Math.min(this.collisions, MAX_COLLISION_SPREAD)), now);
			return waitMs <= 0 ? { go: true, byHeaders: true } : { go: false, waitMs };
		}
		if (this.window) {
			const left = this.window.remaining - (this.sent - this.window.seq - 1);
			if (left >= 1) return { go: true, byHeaders: true };
			if (this.window.resetAt !== undefined && now < this.window.resetAt) return { go: false, waitMs: this.window.resetAt - now };
			// An empty bucket with no usable reset: one request at a time, each answer says what is left.
			return this.inFlight > 0 ? { go: false, awaitAnswer: true } : { go: true, byHeaders: true };
		}
		// The first request goes alone: its answer says which headers there are. Without any, the pace learned from
		// 429s decides.
		if (!this.heard) return this.inFlight > 0 ? { go: false, awaitAnswer: true } : { go: true };
		const waitMs = this.discovery.msUntilNext(now, spread);
		return waitMs <= 0 ? { go: true } : { go: false, waitMs, estimated: true };
	}

	private letOut(now: number, paced: boolean, byHeaders: boolean): number {
		this.model?.take(now);
		this.discovery.letOut(this.sent, now, { paced, byPace: !byHeaders });
		this.inFlight++;
		return this.sent++;
	}

	private answered(seq: number, response: HttpResponse | undefined): void {
		this.inFlight--;
		if (response) this.observe(seq, response, this.clock.now());
		// No answer (dropped, timed out): it most likely reached Linkkit and took a token like any request that is not a
		// 429 (docs/assumptions.md A2). Counted as not taken, the pace learned between two 429s ran ~20 % low under faults.
		else if (!this.model) this.discovery.answered({ seq, now: this.clock.now(), refused: false, newest: false, sentSoFar: this.sent, draw: this.clock.random() });
		for (const wake of this.answerWaiters.splice(0)) wake();
	}

	private observe(seq: number, response: HttpResponse, now: number): void {
		this.heard = true;
		if (response.status === 429) {
			this.refused.add(seq);
			this.collisions++;
		} else if (response.status < 500) this.collisions = 0;
		const reading = readRateLimit(response);
		const newest = seq >= this.newestSeen;
		// Without a refill rate in the headers, every answer teaches the learned pace: a 429 took no token, anything else
		// did (a 5xx too: a limit is checked before the work that failed, A2).
		if (reading?.ratePerSecond === undefined) {
			const empty = reading?.remaining === 0;
			this.discovery.answered({ seq, now, refused: response.status === 429, newest, sentSoFar: this.sent, draw: this.clock.random(), empty });
		}
		if (!newest) return;
		this.newestSeen = seq;
		// Sent after this one: not yet counted in what it reports.
		const unreflected = this.sent - seq - 1;
		if (reading?.ratePerSecond !== undefined && reading.remaining !== undefined) {
			const limits = { ratePerMs: reading.ratePerSecond / 1000, capacity: reading.limit ?? Infinity };
			const tokens = tokensAtAnswer(reading, limits);
			this.model ??= new BucketModel(limits.ratePerMs, limits.capacity, now, tokens);
			this.model.anchor(limits, { now, tokens, seq, unreflected }, (after, upTo) => this.takeRefused(after, upTo));
			return;
		}
		if (reading?.remaining !== undefined) {
			const retryAfter = response.status === 429 ? parseRetryAfter(response, now) : undefined;
			const wait = reading.remaining === 0 ? (reading.resetAfterMs ?? retryAfter) : undefined;
			this.window = { remaining: reading.remaining, seq, resetAt: wait === undefined ? undefined : now + wait };
			return;
		}
		// No count of what is left: the learned pace decides (a Retry-After holds only the request it answered).
		this.window = undefined;
	}

	/** Counts (and forgets) the refused requests with sequence in (after, upTo]; older ones are forgotten too. */
	private takeRefused(after: number, upTo: number): number {
		let count = 0;
		for (const seq of this.refused) {
			if (seq > upTo) continue;
			if (seq > after) count++;
			this.refused.delete(seq);
		}
		return count;
	}
}

/** The bucket's level when it answered, fraction included when the reset is precise. */
function tokensAtAnswer(reading: RateLimitReading, limits: { ratePerMs: number; capacity: number }): number {
	const remaining = reading.remaining as number;
	if (!reading.resetPrecise || reading.resetAfterMs === undefined) return remaining;
	// Remaining 0: the reset is the next whole token. Otherwise it is a full bucket.
	const full = Number.isFinite(limits.capacity) ? limits.capacity : remaining;
	const exact = remaining === 0 ? 1 - limits.ratePerMs * reading.resetAfterMs : full - limits.ratePerMs * reading.resetAfterMs;
	return Math.min(remaining + 0.999, Math.max(remaining, exact));
}
