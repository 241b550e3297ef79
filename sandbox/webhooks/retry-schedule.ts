/**
 * A21: a delivery not answered 2xx within 10 s is retried up to 5 times, after 1 s, 5 s, 25 s, 2 min and 10 min.
 * `--hook-retry-scale <factor>` multiplies the waits (0.001 turns 10 min into 600 ms) so tests can watch them.
 */
export const RETRY_DELAYS_MS = [1_000, 5_000, 25_000, 120_000, 600_000] as const;
export const DELIVERY_TIMEOUT_MS = 10_000;

/** The wait before attempt `attempt + 1` (attempts count from 1), or undefined when none is left. */
export function retryDelayAfter(attempt: number, scale: number): number | undefined {
	const delay = RETRY_DELAYS_MS[attempt - 1];
	return delay === undefined ? undefined : Math.round(delay * scale);
}
