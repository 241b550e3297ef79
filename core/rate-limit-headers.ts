/**
 * What one response says about the caller's rate-limit bucket, always as durations measured from that response,
 * never as instants on the local clock: a client's clock may be minutes off the server's, and an epoch reset
 * compared with it would make the client wait minutes too long or not at all.
 *
 * Read, best first (docs/openapi.yaml, "Rate limit"):
 *  - `X-RateLimit-Reset-After`: seconds to the reset, to the millisecond;
 *  - `X-RateLimit-Reset` measured against the response's own `Date` (both whole seconds: coarse, but on one clock);
 *  - `X-RateLimit-Reset` below 10^9: some APIs send the seconds left there instead of an epoch time.
 * An epoch reset with no `Date` is ignored rather than compared with the local clock.
 * `X-RateLimit-Policy: <limit>;w=<seconds>` (or the IETF draft's `RateLimit-Policy`, also `"name";q=<n>;w=<s>`)
 * gives the refill rate; without it the pacer falls back to waiting for the reset.
 */

import { header, numericHeader } from './headers';
import type { HttpResponse } from './transport';

export interface RateLimitReading {
	/** Bucket size (`X-RateLimit-Limit`, else the policy's quota). */
	limit?: number;
	/** Whole requests left after this one. */
	remaining?: number;
	/** Refill rate, requests per second, from the policy. */
	ratePerSecond?: number;
	/** Milliseconds from this response to the reset: the next free request when `remaining` is 0, else a full bucket. */
	resetAfterMs?: number;
	/** Whether `resetAfterMs` is to the millisecond (`X-RateLimit-Reset-After`) rather than whole seconds. */
	resetPrecise: boolean;
}

/** Epoch seconds are larger than this; smaller `X-RateLimit-Reset` values are seconds left. */
const EPOCH_SECONDS_FLOOR = 1e9;

/** `20;w=1`, `"default";q=20;w=1` → 20 per second; only the first policy of a list counts. */
export function parsePolicy(raw: string | undefined): { quota: number; ratePerSecond: number } | undefined {
	if (!raw) return undefined;
	const [first, ...params] = raw.split(',')[0].split(';').map((part) => part.trim());
	const named = Object.fromEntries(
		params.map((param) => param.split('=').map((s) => s.trim())).filter((pair) => pair.length === 2),
	) as Record<string, string>;
	const quota = Number(/^\d+(\.\d+)?$/.test(first) ? first : named.q);
	const window = Number(named.w);
	if (!(quota > 0) || !(window > 0)) return undefined;
	return { quota, ratePerSecond: quota / window };
}

/** The response's `Date` in epoch ms, when it has a readable one. */
export function serverDate(response: HttpResponse): number | undefined {
	const raw = header(response, 'date');
	const parsed = raw === undefined ? NaN : Date.parse(raw);
	return Number.isNaN(parsed) ? undefined : parsed;
}

function resetAfter(response: HttpResponse): Pick<RateLimitReading, 'resetAfterMs' | 'resetPrecise'> {
	const relative = numericHeader(response, 'x-ratelimit-reset-after');
	if (relative !== undefined && relative >= 0) return { resetAfterMs: relative * 1000, resetPrecise: true };
	const reset = numericHeader(response, 'x-ratelimit-reset');
	if (reset === undefined || reset < 0) return { resetPrecise: false };
	if (reset < EPOCH_SECONDS_FLOOR) return { resetAfterMs: reset * 1000, resetPrecise: false };
	const date = serverDate(response);
	if (date === undefined) return { resetPrecise: false };
	return { resetAfterMs: Math.max(0, reset * 1000 - date), resetPrecise: false };
}

/** Undefined when the response carries no rate-limit headers at all. */
export function readRateLimit(response: HttpResponse): RateLimitReading | undefined {
	const remaining = numericHeader(response, 'x-ratelimit-remaining');
	const policy = parsePolicy(header(response, 'x-ratelimit-policy') ?? header(response, 'ratelimit-policy'));
	if (remaining === undefined && !policy) return undefined;
	return {
		limit: numericHeader(response, 'x-ratelimit-limit') ?? policy?.quota,
		remaining: remaining === undefined ? undefined : Math.max(0, Math.floor(remaining)),
		ratePerSecond: policy?.ratePerSecond,
		...resetAfter(response),
	};
}
