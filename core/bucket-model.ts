/**
 * The pacer's picture of Linkkit's token bucket for one API key: how many tokens it holds now, given what the
 * newest answer reported, this client's requests since, the refill, and the share other clients take.
 *
 * Others: tokens that vanish between two answers beyond what this client spent were taken by someone else (another
 * n8n worker or execution on the same key). Their rate, smoothed, is subtracted from the refill this client plans
 * with, so each client plans with what the others leave. With n clients doing that, their total converges to the
 * limit while the smoothing gain is below 2/n (0.3: up to six clients).
 */

/** Smoothing gain for the others' rate; the total of n clients converges while gain < 2/n. */
export const SHARE_GAIN = 0.3;
/** The others may be estimated to take at most this share of the refill, so this client is never starved. */
const MAX_FOREIGN_SHARE = 0.9;
/** Measure the others over at least this long (and at least 4 tokens' refill), so whole-token steps average out. */
const MIN_SHARE_WINDOW_MS = 250;
/** The most tokens kept in hand for other clients. */
const MAX_MARGIN = 2;

export class BucketModel {
	/** Tokens expected at `at` (local ms), after every request this client let out until then. */
	private at: number;
	private tokens: number;
	/** Others' consumption, tokens per ms, smoothed. */
	private foreignPerMs = 0;
	/** The newest answer the others' rate was measured from, and what they took since the window began. */
	private lastAnswer?: { at: number; tokens: number; seq: number };
	private others = { tokens: 0, elapsed: 0 };

	constructor(
		private ratePerMs: number,
		private capacity: number,
		now: number,
		tokens: number,
	) {
		this.at = now;
		this.tokens = tokens;
	}

	/**
	 * Re-anchors on an answer: `tokens` the bucket held when it answered (arrival taken as its moment, so the
	 * refill while it travelled is left out and the model errs low), minus `unreflected` requests sent after it.
	 * `refusedBetween(a, b)` counts this client's requests with sequence in (a, b] that got 429 (they took no token).
	 */
	anchor(
		limits: { ratePerMs: number; capacity: number },
		answer: { now: number; tokens: number; seq: number; unreflected: number },
		refusedBetween: (after: number, upTo: number) => number,
	): void {
		this.ratePerMs = limits.ratePerMs;
		this.capacity = limits.capacity;
		this.measureOthers(answer, refusedBetween);
		this.at = answer.now;
		this.tokens = answer.tokens - answer.unreflected;
	}

	/** Tokens expected at `now`. */
	predict(now: number): number {
		return Math.min(this.capacity, this.tokens + this.refillPerMs() * Math.max(0, now - this.at));
	}

	/** One request let out at `now`. */
	take(now: number): void {
		this.tokens = this.predict(now) - 1;
		this.at = now;
	}

	/** How long until `needed` tokens are expected, from `now`. */
	msUntil(needed: number, now: number): number {
		return Math.max(0, (Math.min(this.capacity, needed) - this.predict(now)) / this.refillPerMs());
	}

	/** Tokens this client should want in the bucket before taking one (at least 1; the cap is the bucket). */
	wanted(extra: number): number {
		return Math.min(this.capacity, 1 + this.sharedMargin() + extra);
	}

	private refillPerMs(): number {
		return this.ratePerMs - this.foreignPerMs;
	}

	/**
	 * Others take whole tokens at moments this client cannot see; planning as if they took them smoothly would
	 * leave the bucket short half the time. While others share the key, keep a couple of tokens in hand for them
	 * (within half the bucket): that shifts the level the bucket hovers at, not the rate it is spent at. The margin
	 * is the same for every client whatever its share: one that grew with the others' share would make the client
	 * that gets least wait longest, until the other took the whole bucket.
	 */
	private sharedMargin(): number {
		if (this.foreignPerMs <= 0.05 * this.ratePerMs) return 0;
		return Math.min(MAX_MARGIN, Math.max(0, (this.capacity - 1) / 2));
	}

	/** Measured answer to answer, so a refill lost to a full bucket is capped where it may have happened. */
	private measureOthers(
		answer: { now: number; tokens: number; seq: number },
		refusedBetween: (after: number, upTo: number) => number,
	): void {
		const last = this.lastAnswer;
		this.lastAnswer = { at: answer.now, tokens: answer.tokens, seq: answer.seq };
		if (!last) return;
		const mine = answer.seq - last.seq - refusedBetween(last.seq, answer.seq);
		const elapsed = answer.now - last.at;
		const refill = last.tokens + this.ratePerMs * elapsed;
		// Refill is lost only while the bucket is full: assume that happened only if it was (nearly) full at either end.
		const nearlyFull = Math.max(last.tokens, answer.tokens) >= this.capacity - 1;
		this.others.tokens += (nearlyFull ? Math.min(this.capacity, refill) : refill) - mine - answer.tokens;
		this.others.elapsed += elapsed;
		if (this.others.elapsed < Math.max(MIN_SHARE_WINDOW_MS, 4 / this.ratePerMs)) return;
		const measured = this.others.tokens / this.others.elapsed;
		const smoothed = this.foreignPerMs + SHARE_GAIN * (measured - this.foreignPerMs);
		this.foreignPerMs = Math.min(MAX_FOREIGN_SHARE * this.ratePerMs, Math.max(0, smoothed));
		this.others = { tokens: 0, elapsed: 0 };
	}
}
