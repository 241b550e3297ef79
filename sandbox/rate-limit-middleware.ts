/**
 * Spends one token of the caller's bucket and answers 429 `{"error": "Too many requests"}` when it is empty (A1).
 * Linkkit documents no rate-limit headers, so by default none are sent; `--rate-limit-headers` adds them:
 *  - `none`         no header at all (the default);
 *  - `retry-after`  `Retry-After: <whole seconds>` on 429s only;
 *  - `full`         the X-RateLimit-* set on every answer, and Retry-After on 429s.
 */
import type { RequestHandler, Response } from 'express';
import type { Caller } from './http/auth';
import { ApiError, sendError } from './http/errors';
import type { RateLimitDecision, RateLimiter } from './ratelimit';
import { markTokenTaken } from './stats';

export const RATE_LIMIT_HEADER_MODES = ['none', 'retry-after', 'full'] as const;
export type RateLimitHeaderMode = (typeof RATE_LIMIT_HEADER_MODES)[number];

/** The current mode, shared by the limiter's middleware, injected 429s and the admin API. */
export interface RateLimitHeaderSetting {
	mode: RateLimitHeaderMode;
}

export const isRateLimitHeaderMode = (value: unknown): value is RateLimitHeaderMode =>
	(RATE_LIMIT_HEADER_MODES as readonly unknown[]).includes(value);

export const TOO_MANY_REQUESTS = 'Too many requests';

/** Seconds with at most three decimals and no trailing zeros: `0.184`, `1`, `2.5`. */
function seconds(value: number): string {
	return String(Math.round(value * 1000) / 1000);
}

/** The `full` mode's headers for one decision (also used by tests that simulate the server). */
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

/** Before auth the key is unknown: in `full` mode show an untouched bucket, so every answer carries the headers. */
export function idleRateLimitHeaders(limiter: RateLimiter, setting: RateLimitHeaderSetting): RequestHandler {
	return (_req, res, next) => {
		if (setting.mode === 'full') res.set(rateLimitHeaders(limiter.idle()));
		next();
	};
}

/** A 429 with the headers the mode asks for; `retryAfter` in whole seconds. */
export function sendTooManyRequests(res: Response, setting: RateLimitHeaderSetting, retryAfter: number, decision?: RateLimitDecision): void {
	if (setting.mode === 'full' && decision) res.set(rateLimitHeaders(decision));
	if (setting.mode !== 'none') res.set('Retry-After', String(retryAfter));
	sendError(res, new ApiError(429, TOO_MANY_REQUESTS));
}

export function rateLimitMiddleware(limiter: RateLimiter, setting: RateLimitHeaderSetting): RequestHandler {
	return (_req, res, next) => {
		const caller = res.locals.caller as Caller;
		const decision = limiter.take(caller.keyHash);
		if (!decision.allowed) {
			sendTooManyRequests(res, setting, decision.retryAfter, decision);
			return;
		}
		if (setting.mode === 'full') res.set(rateLimitHeaders(decision));
		markTokenTaken(res.locals);
		next();
	};
}
