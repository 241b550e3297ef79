/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Zapier app, never shipped in the n8n package: Zapier has no sleep helper */
/**
 * Zapier stops a step after about 30 seconds. What a step may wait is therefore time, not a number of tries: a
 * rate-limit wait (Retry-After, or a used-up window) is waited out whenever it still fits in the step, however
 * often Linkkit asks; once it does not fit, the step ends at once with a rate-limit error that carries the wait,
 * which errors.ts turns into a ThrottledError so Zapier runs the step again later instead of timing it out.
 * Linkkit-side failures (5xx, no answer) are different: nothing says when they end, so they get a few retries only.
 */
import { LinkkitError, type HttpResponse } from '../../core';
import { errorFromResponse } from '../../core/response-errors';

/** Zapier's limit for one step. */
export const STEP_LIMIT_MS = 30_000;
/** Kept free for the request after a wait and for Zapier's own work around the step. */
export const STEP_RESERVE_MS = 6_000;
/** Retries after Linkkit-side failures in a row (as many as before the step budget existed). */
export const SERVER_FAILURE_RETRIES = 3;

/** What the last attempt ended in, so that a refused wait gives up with the right error. */
type LastAttempt = { kind: 'rate-limited' } | { kind: 'failed'; error: () => LinkkitError } | { kind: 'answered' };

export class StepBudget {
	private readonly deadline: number;
	private last: LastAttempt = { kind: 'answered' };
	private failuresInARow = 0;

	constructor(
		private readonly now: () => number = Date.now,
		limitMs: number = STEP_LIMIT_MS - STEP_RESERVE_MS,
	) {
		this.deadline = now() + limitMs;
	}

	/** Milliseconds this step may still spend waiting. */
	remaining(): number {
		return Math.max(0, this.deadline - this.now());
	}

	/** Every answer Linkkit gave; `operation` (e.g. `POST /v1/links`) names it if it has to be reported. */
	answered(response: HttpResponse, operation: string): void {
		if (response.status >= 500) {
			this.failed(() => errorFromResponse(response, { operation }));
		} else if (response.status === 429) {
			this.last = { kind: 'rate-limited' };
		} else {
			this.last = { kind: 'answered' };
			this.failuresInARow = 0;
		}
	}

	/** A request that got no answer at all (refused, dropped, timed out). */
	failed(error: () => LinkkitError): void {
		this.last = { kind: 'failed', error };
		this.failuresInARow++;
	}

	/** Waits when the wait fits in the step (and a failure has retries left); otherwise ends the step's call. */
	async sleep(ms: number): Promise<void> {
		if (this.last.kind === 'failed' && (this.failuresInARow > SERVER_FAILURE_RETRIES || ms > this.remaining())) {
			throw this.last.error();
		}
		if (ms > this.remaining()) throw this.waitTooLong(ms);
		await new Promise((resolve) => setTimeout(resolve, ms));
	}

	/** Platform-neutral like the core's own; errors.ts words it for Zapier from `rateLimitWait`. */
	private waitTooLong(ms: number): LinkkitError {
		const allowedMs = this.remaining();
		return new LinkkitError({
			code: 'rate_limited',
			retryAfterMs: ms,
			rateLimitWait: { source: this.last.kind === 'rate-limited' ? 'retry-after' : 'window', waitMs: ms, allowedMs, limit: 'total-wait' },
			message: `Linkkit asked to wait ${Math.ceil(ms / 1000)} s before the next request, longer than the ${Math.ceil(allowedMs / 1000)} s left to wait.`,
		});
	}
}
