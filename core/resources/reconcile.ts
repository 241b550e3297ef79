/**
 * Creates that go through `POST` (lists, tags, UTM templates, QR codes, bulk imports, conversions) have no safe
 * repeat: Linkkit has no idempotency key, so sending one again after its answer was lost would create it twice.
 * When the outcome is unknown (no answer, a timeout, a 5xx), the connector first looks for what the attempt made,
 * and sends again only when it finds nothing.
 *
 * Looking is done once lists have settled: Linkkit's lists may show a new item a few seconds late (docs/assumptions.md
 * A15), so the look waits until SETTLE_MS (settle.ts) have passed since the attempt. "Made since the attempt" is judged on
 * Linkkit's clock (its `Date`), with a margin for the header's whole seconds, never on this machine's clock.
 */

import { settle } from '../concurrency';
import { LinkkitError } from '../errors';
import type { LinkkitHttp } from '../http';

/** Date is whole seconds (truncated) and the attempt's own timestamp comes from Linkkit: look a little earlier. */
const CLOCK_MARGIN_MS = 2_000;
/** Rounds of "send, lose the answer, look, find nothing" before giving up. */
const MAX_ROUNDS = 4;

export interface ReconciledCreate<T> {
	/** Send the create once. */
	send: () => Promise<T>;
	/** Look for what an attempt made at or after `sinceServerMs` (Linkkit's clock); undefined when nothing. */
	find: (sinceServerMs: number) => Promise<T | undefined>;
}

export async function createReconciled<T>(http: LinkkitHttp, create: ReconciledCreate<T>): Promise<T> {
	let last: LinkkitError | undefined;
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const localStart = http.localNow();
		const serverStart = http.serverNow();
		const outcome = await settle(create.send);
		if (outcome.ok) return outcome.value;
		if (!(outcome.error instanceof LinkkitError) || !outcome.error.outcomeUnknown) throw outcome.error;
		last = outcome.error;
		const found = await lookAfterSettling(http, localStart, serverStart, create.find);
		if (found !== undefined) return found;
	}
	throw last as LinkkitError;
}

async function lookAfterSettling<T>(
	http: LinkkitHttp,
	localStart: number,
	serverStart: number | undefined,
	find: (sinceServerMs: number) => Promise<T | undefined>,
): Promise<T | undefined> {
	const settled = http.settleMs - (http.localNow() - localStart);
	if (settled > 0) await http.sleep(settled);
	// No reading of Linkkit's clock before the attempt: take one now (any answer carries Date; /health is the
	// cheapest) and subtract the time measured here since the attempt.
	if (serverStart === undefined && http.serverNow() === undefined) await http.call('healthCheck', { action: 'check the time' });
	const now = http.serverNow() ?? http.localNow();
	const since = (serverStart ?? now - (http.localNow() - localStart)) - CLOCK_MARGIN_MS;
	return await find(since);
}

/** True when `at` (an ISO timestamp from Linkkit) is at or after `sinceServerMs`. */
export function madeSince(at: string | undefined, sinceServerMs: number): boolean {
	if (!at) return false;
	const ms = Date.parse(at);
	return !Number.isNaN(ms) && ms >= sinceServerMs;
}
