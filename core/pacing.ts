/**
 * Proactive pacing: Linkkit says how many requests are left in the window and when it resets.
 * When none are left, the next request waits for the reset instead of spending a round trip on a 429.
 */

import { numericHeader } from './headers';
import type { HttpResponse } from './transport';

export class RateLimitPacer {
	private remaining: number | undefined;
	private resetAtMs: number | undefined;

	/** Remembers the window from any response that carries the X-RateLimit headers. */
	observe(response: HttpResponse): void {
		const remaining = numericHeader(response, 'x-ratelimit-remaining');
		const reset = numericHeader(response, 'x-ratelimit-reset');
		if (remaining === undefined || reset === undefined) return;
		this.remaining = remaining;
		this.resetAtMs = reset * 1000;
	}

	/** How long to wait before the next request may go out (0 when it may go now). */
	waitBeforeNext(now: number): number {
		if (this.remaining === undefined || this.remaining > 0 || this.resetAtMs === undefined) return 0;
		return Math.max(0, this.resetAtMs - now);
	}

	/** After waiting out a window the count is unknown until the next response says. */
	windowWaited(): void {
		this.remaining = undefined;
		this.resetAtMs = undefined;
	}
}
