/**
 * When and how long to wait before trying again. Pure functions of the response, the attempt number and the clock,
 * so every rule is testable with a fake clock.
 */

import { header } from './headers';
import { serverDate } from './rate-limit-headers';
import type { HttpMethod, HttpResponse } from './transport';

export interface RetryOptions {
	/** Retries after the first attempt, for 429, 5xx and network failures together. */
	maxRetries: number;
	/** The longest single wait the caller accepts; a longer known wait fails fast. */
	maxWaitMs: number;
	/** The most time one call may spend waiting across all its retries and pacing. */
	maxTotalWaitMs: number;
	/** First backoff step after a failure. */
	baseDelayMs: number;
	/** Ceiling of one backoff step (before jitter). */
	maxBackoffMs: number;
	/** Pace requests to the rate limit (learned from 429s and any rate-limit headers) instead of provoking 429s. */
	pacing: boolean;
	/** How long one attempt may wait for Linkkit's answer before it is abandoned (and retried when safe). */
	requestTimeoutMs: number;
}

export const defaultRetryOptions: RetryOptions = {
	maxRetries: 5,
	maxWaitMs: 60_000,
	maxTotalWaitMs: 300_000,
	baseDelayMs: 500,
	maxBackoffMs: 30_000,
	pacing: true,
	requestTimeoutMs: 30_000,
};

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Linkkit documents none; honoured when sent.
 * Returns milliseconds from `now`, never negative; undefined when absent or unreadable. A date is measured against
 * the response's own `Date` when it has one, so a client clock that is off does not stretch or skip the wait.
 */
export function parseRetryAfter(response: HttpResponse, now: number): number | undefined {
	const raw = header(response, 'retry-after')?.trim();
	if (!raw) return undefined;
	if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
	const date = Date.parse(raw);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - (serverDate(response) ?? now));
}

/** "Full jitter" exponential backoff: uniform in [0, min(cap, base · 2^attempt)). */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number): number {
	const ceiling = Math.min(options.maxBackoffMs, options.baseDelayMs * 2 ** attempt);
	return Math.floor(random() * ceiling);
}

/**
 * A request that failed without a definite answer may be sent again only when a repeat cannot act twice: reads,
 * PUT (the same code and body again), PATCH and DELETE. Linkkit has no idempotency key, so a POST is never repeated
 * blindly; the resource that sent it checks what the first attempt did instead (see resources/reconcile.ts).
 */
export function isSafeToRepeat(method: HttpMethod): boolean {
	return method !== 'POST';
}

/** Statuses worth another try: rate limited (nothing was done) and Linkkit-side failures. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
