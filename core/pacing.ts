/**
 * Proactive pacing: send each request when Linkkit's token bucket will have a token for it, so a run moves at
 * the rate limit without spending round trips on 429s, several requests may be in flight at once, and several
 * independent clients sharing one API key (n8n queue-mode workers, parallel executions) settle on a share each.
 *
 * Requests pass a gate one at a time (held only while waiting for a token, never during a request). With the
 * refill rate known (`X-RateLimit-Policy`), a request goes out when the bucket model (bucket-model.ts) has a token
 * for it; every answer re-anchors the model on what Linkkit says, so errors never add up. Times are measured only
 * between moments on the local clock; server instants come in relative form (rate-limit-headers.ts).
 *
 * Falls back, when answers give no refill rate, to "spend what Remaining says, then wait for the reset"; when they
 * give no usable reset either, to one request at a time while the bucket is empty, so that a 429's Retry-After sets
 * the pace. A wait the pacer cannot be sure of is never a reason to refuse a request.
 */

import { BucketModel } from './bucket-model';
import { NotSent } from './concurrency';
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

type Decision = { go: true } | { go: false; waitMs: number } | { go: false; awaitAnswer: true };

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

	constructor(private readonly clock: PacerClock) {}

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
			for (;;) {
				const decision = this.decide(this.clock.now(), spread);
				if (decision.go) break;
				if ('awaitAnswer' in decision) {
					await new Promise<void>((resolve) => this.answerWaiters.push(resolve));
					continue;
				}
				const waitMs = Math.ceil(decision.waitMs);
				if (this.clock.now() - startedAt + waitMs > limits.maxWaitMs) limits.refuse(waitMs);
				await this.clock.sleep(waitMs);
			}
			if (limits.proceed && !limits.proceed()) throw new NotSent();
			const seq = this.letOut(this.clock.now());
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
	 * How long to wait before retrying this 429 through the pacer, or undefined when the pacer cannot time it (then
	 * the caller sits out Retry-After). The pacer times it when it knows the refill rate or the precise next token,
	 * and only for a 429 the bucket explains (nothing remaining): one sent while tokens remain came from some other
	 * limit, and its Retry-After stands. The wait is the reset the headers name (`X-RateLimit-Reset-After`, else the
	 * epoch reset against `Date`), 0 when they name none.
	 */
	retryWaitOf(response: HttpResponse): number | undefined {
		const reading = readRateLimit(response);
		const timed =
			reading !== undefined &&
			reading.remaining !== undefined &&
			reading.remaining < 1 &&
			(reading.ratePerSecond !== undefined || reading.resetPrecise);
		return timed ? (reading.resetAfterMs ?? 0) : undefined;
	}

	/** `spread` in [0, 1) is drawn once per request, for the random part of the wait after collisions. */
	private decide(now: number, spread: number): Decision {
		if (this.model) {
			// After 429s, aim at a random later token (up to one more per recent collision, like Ethernet's backoff),
			// so clients that just collided do not all reach for the same next one.
			const waitMs = this.model.msUntil(this.model.wanted(spread * Math.min(this.collisions, MAX_COLLISION_SPREAD)), now);
			return waitMs <= 0 ? { go: true } : { go: false, waitMs };
		}
		if (this.window) {
			const left = this.window.remaining - (this.sent - this.window.seq - 1);
			if (left >= 1) return { go: true };
			if (this.window.resetAt !== undefined && now < this.window.resetAt) return { go: false, waitMs: this.window.resetAt - now };
		}
		// Nothing known (the first request, or an empty bucket with no usable reset): one request at a time.
		return this.inFlight > 0 ? { go: false, awaitAnswer: true } : { go: true };
	}

	private letOut(now: number): number {
		this.model?.take(now);
		this.inFlight++;
		return this.sent++;
	}

	private answered(seq: number, response: HttpResponse | undefined): void {
		this.inFlight--;
		if (response) this.observe(seq, response, this.clock.now());
		for (const wake of this.answerWaiters.splice(0)) wake();
	}

	private observe(seq: number, response: HttpResponse, now: number): void {
		if (response.status === 429) {
			this.refused.add(seq);
			this.collisions++;
		} else if (response.status < 500) this.collisions = 0;
		if (seq < this.newestSeen) return;
		this.newestSeen = seq;
		const reading = readRateLimit(response);
		// Sent after this one: not yet counted in what it reports.
		const unreflected = this.sent - seq - 1;
		if (reading?.ratePerSecond !== undefined && reading.remaining !== undefined) {
			const limits = { ratePerMs: reading.ratePerSecond / 1000, capacity: reading.limit ?? Infinity };
			const tokens = tokensAtAnswer(reading, limits);
			this.model ??= new BucketModel(limits.ratePerMs, limits.capacity, now, tokens);
			this.model.anchor(limits, { now, tokens, seq, unreflected }, (after, upTo) => this.takeRefused(after, upTo));
			return;
		}
		const retryAfter = response.status === 429 ? parseRetryAfter(response, now) : undefined;
		if (reading?.remaining !== undefined || retryAfter !== undefined) {
			const remaining = reading?.remaining ?? 0;
			const wait = remaining === 0 ? (reading?.resetAfterMs ?? retryAfter) : undefined;
			this.window = { remaining, seq, resetAt: wait === undefined ? undefined : now + wait };
			return;
		}
		// An answer that says nothing about the limit: nothing to hold requests back for.
		if (response.status !== 429) this.window = undefined;
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
