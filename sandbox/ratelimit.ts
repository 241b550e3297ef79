/**
 * Token bucket per API key (A1): holds at most `burst` tokens, refills `rate` per second, each request takes one.
 * A decision also describes the caller's bucket after the request, for the optional X-RateLimit-* headers.
 */
export interface RateLimitSettings {
	/** Tokens added per second. */
	rate: number;
	/** Bucket capacity. */
	burst: number;
}

export interface RateLimitDecision {
	allowed: boolean;
	limit: number;
	/** Whole tokens left after this request. */
	remaining: number;
	/** Epoch seconds, rounded up: when a token is available again if none is left, else when the bucket is full. */
	reset: number;
	/** The same instant as `reset`, in milliseconds from now (not rounded). */
	resetAfterMs: number;
	/** Seconds the whole bucket takes to refill (the policy's window: burst ÷ rate). */
	windowSeconds: number;
	/** Seconds to wait (integer, at least 1); only meaningful when not allowed. */
	retryAfter: number;
}

interface Bucket {
	tokens: number;
	updatedMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { rate: 50, burst: 100 };

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	constructor(
		private settings: RateLimitSettings,
		private readonly nowMs: () => number,
	) {}

	configure(settings: RateLimitSettings): void {
		this.settings = settings;
		this.buckets.clear();
	}

	get current(): RateLimitSettings {
		return { ...this.settings };
	}

	/** The headers of a caller who has not spent anything (used before the key is known). */
	idle(): RateLimitDecision {
		return this.describe(this.settings.burst, true, this.nowMs());
	}

	take(bucketKey: string): RateLimitDecision {
		const now = this.nowMs();
		const { rate, burst } = this.settings;
		const bucket = this.buckets.get(bucketKey) ?? { tokens: burst, updatedMs: now };
		bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.updatedMs) / 1000) * rate);
		bucket.updatedMs = now;
		const allowed = bucket.tokens >= 1;
		if (allowed) bucket.tokens -= 1;
		this.buckets.set(bucketKey, bucket);
		return this.describe(bucket.tokens, allowed, now);
	}

	private describe(tokens: number, allowed: boolean, now: number): RateLimitDecision {
		const { rate, burst } = this.settings;
		const remaining = Math.floor(tokens);
		const secondsToOneToken = tokens >= 1 ? 0 : (1 - tokens) / rate;
		const secondsToFull = (burst - tokens) / rate;
		const resetSeconds = remaining === 0 ? secondsToOneToken : secondsToFull;
		return {
			allowed,
			limit: burst,
			remaining,
			reset: Math.ceil((now + resetSeconds * 1000) / 1000),
			resetAfterMs: resetSeconds * 1000,
			windowSeconds: burst / rate,
			retryAfter: Math.max(1, Math.ceil(secondsToOneToken)),
		};
	}
}
