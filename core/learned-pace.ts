/**
 * The clock of a learned pace: when the next request may go out at a given rate, without a burst. It knows nothing
 * of 429s itself; rate-discovery.ts sets the rate and says when the bucket was found empty.
 */

/**
 * Each request waits a random 0..SPREAD of a gap longer than its due (tokens accrue that much faster, so the mean
 * pace is the rate): a client paced exactly at the refill would otherwise take every token the moment it appears,
 * and another client on the key, arriving in between, would find the bucket empty nearly every time. Never shorter
 * than a gap, so that a bucket of one token is not hit twice within one refill.
 */
const SPREAD = 0.1;
/** Never slower than one request in this many ms, so a client that met only 429s still tries again. */
const SLOWEST_INTERVAL_MS = 10_000;

export class LearnedPace {
	private rate: number;
	/** Tokens this client may use at `at` (at most 1 + SPREAD: no burst is assumed); negative while owed. */
	private tokens = 1;
	private at: number;

	constructor(ratePerMs: number, now: number) {
		this.rate = ratePerMs;
		this.at = now;
	}

	/** Requests per ms. */
	get ratePerMs(): number {
		return this.rate;
	}

	/** Changes the rate from `now` on, keeping the tokens accrued so far. */
	setRate(ratePerMs: number, now: number): void {
		this.tokens = this.level(now);
		this.at = now;
		this.rate = Math.max(1 / SLOWEST_INTERVAL_MS, ratePerMs);
	}

	/** How long until the next request may go; `spread` in [0, 1) is that request's own draw. */
	msUntilNext(now: number, spread: number): number {
		const wanted = 1 + SPREAD * spread;
		const tokens = this.level(now);
		return tokens >= wanted ? 0 : (wanted - tokens) / this.accrual();
	}

	/** A request went out at `now`. What a longer wait accrued is not carried over: the next gap is a whole one. */
	take(now: number): void {
		this.tokens = Math.min(0, this.level(now) - 1);
		this.at = now;
	}

	/**
	 * The bucket was empty when a request arrived, and `inFlightAfter` requests sent after it are still on their way
	 * (they take whatever refills first): the next one waits for fresh tokens after those, plus `extra` of a gap.
	 */
	anchorEmpty(now: number, inFlightAfter: number, extra: number): void {
		this.tokens = Math.min(this.level(now), -inFlightAfter) - extra;
		this.at = now;
	}

	private accrual(): number {
		return this.rate * (1 + SPREAD / 2);
	}

	private level(now: number): number {
		return Math.min(1 + SPREAD, this.tokens + this.accrual() * Math.max(0, now - this.at));
	}
}
