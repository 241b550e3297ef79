/** Spends one token of the caller's bucket, sets the X-RateLimit-* headers, and answers 429 when empty. */
import type { RequestHandler, Response } from 'express';
import type { Caller } from './auth';
import { ApiError, sendError } from './errors';
import type { RateLimitDecision, RateLimiter } from './ratelimit';
import { markTokenTaken } from './stats';

/** Seconds with at most three decimals and no trailing zeros: `0.184`, `1`, `2.5`. */
function seconds(value: number): string {
	return String(Math.round(value * 1000) / 1000);
}

/** The contract's rate-limit headers for one decision (also used by tests that simulate the server). */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
	return {
		'X-RateLimit-Limit': String(decision.limit),
		'X-RateLimit-Remaining': String(decision.remaining),
		'X-RateLimit-Reset': String(decision.reset),
		// Rounded up, so a client that waits this long always finds the token there.
		'X-RateLimit-Reset-After': seconds(Math.ceil(decision.resetAfterMs) / 1000),
		'X-RateLimit-Policy': `${decision.limit};w=${seconds(decision.windowSeconds)}`,
	};
}

export function setRateLimitHeaders(res: Response, decision: RateLimitDecision): void {
	res.set(rateLimitHeaders(decision));
}

/** Before auth the key is unknown: show an untouched bucket so every /v1 response carries the headers. */
export function idleRateLimitHeaders(limiter: RateLimiter): RequestHandler {
	return (_req, res, next) => {
		setRateLimitHeaders(res, limiter.idle());
		next();
	};
}

export function rateLimitMiddleware(limiter: RateLimiter): RequestHandler {
	return (_req, res, next) => {
		const caller = res.locals.caller as Caller;
		const decision = limiter.take(caller.keyHash);
		setRateLimitHeaders(res, decision);
		if (decision.allowed) markTokenTaken(res.locals);
		if (!decision.allowed) {
			res.set('Retry-After', String(decision.retryAfter));
			sendError(res, new ApiError(429, 'rate_limited', `Rate limit exceeded; retry in ${decision.retryAfter} s.`));
			return;
		}
		next();
	};
}
