/**
 * When and how long to wait before trying again. Pure functions of the response, the attempt
 * number and the clock, so every rule is testable with a fake clock.
 */

import { header } from './headers';
import { serverDate } from './rate-limit-headers';
import type { HttpMethod, HttpResponse } from './transport';

export interface RetryOptions {
	/** Retries after the first attempt, for 429, 5xx and network failures together. */
	maxRetries: number;
	/** The longest single wait the caller accepts; a longer Retry-After or pacing window fails fast. */
	maxWaitMs: number;
	/** The most time one call may spend waiting across all its retries and pacing. */
	maxTotalWaitMs: number;
	/** First backoff step when Linkkit gives no Retry-After. */
	baseDelayMs: number;
	/** Ceiling of one backoff step (before jitter). */
	maxBackoffMs: number;
	/** Wait for the rate-limit window to reset when X-RateLimit-Remaining hits 0, instead of provoking a 429. */
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
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
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
 * A failed request may be sent again only when doing so cannot act twice: reads, deletes and
 * patches are idempotent, and a POST is when it carries an Idempotency-Key.
 */
export function isSafeToRepeat(method: HttpMethod, headers: Record<string, string>): boolean {
	if (method !== 'POST') return true;
	return Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key');
}

/** Statuses worth another try: rate limited (nothing was done) and Linkkit-side failures. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
