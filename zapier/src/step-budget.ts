/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Zapier app, never shipped in the n8n package: Zapier has no sleep helper */
/**
 * Zapier stops a step after about 30 seconds. Waiting for Linkkit's rate limit is only worth it when the wait
 * and the request after it still fit; otherwise the step should end now with a ThrottledError so Zapier runs it
 * again later instead of timing it out (which fails the Zap run).
 */
import { LinkkitError } from '../../core';

/** Zapier's limit for one step. */
export const STEP_LIMIT_MS = 30_000;
/** Kept free for the request after a wait and for Zapier's own work around the step. */
export const STEP_RESERVE_MS = 6_000;

export class StepBudget {
	private readonly deadline: number;

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

	/**
	 * Waits when the wait fits; otherwise refuses with a rate-limit error that carries the wait, which the error
	 * mapping turns into a ThrottledError. The core's own caps (set to this budget) catch one long wait first;
	 * this catches several shorter waits across the calls of one step adding up.
	 */
	async sleep(ms: number): Promise<void> {
		if (ms > this.remaining()) {
			throw new LinkkitError({
				code: 'rate_limited',
				retryAfterMs: ms,
				message:
					`Linkkit asked to wait ${Math.ceil(ms / 1000)} s before the next request, longer than this Zapier step ` +
					'has left. Zapier will run the step again later.',
			});
		}
		await new Promise((resolve) => setTimeout(resolve, ms));
	}
}
