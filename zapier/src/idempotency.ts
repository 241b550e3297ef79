/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- Zapier app, never shipped in the n8n package: errors are mapped in perform.ts */
/**
 * A create must create once per Zap run, and never twice for one run. What zapier-platform-core 19 gives a perform
 * to tell runs apart: nothing per run. `bundle.meta` holds isBulkRead, isFillingDynamicDropdown, isLoadingSample,
 * isPopulatingDedupe, isTestingAuth, limit, page, withSearch, timezone, paging_token, inputFields and the deprecated
 * `zap.id` (one id for every run of the Zap); `z.cursor` belongs to paging triggers; `bundle.rawRequest` only to
 * webhooks; the Lambda event's ids never reach a perform. Zapier says which trigger started a Zap to no action
 * (zapier/zapier-platform#115, #1047) and plans to drop `zap.id` (#276).
 *
 * So each run gets a fresh Idempotency-Key (two runs with the same input create two objects: a "new form entry →
 * Create Link to a fixed URL" Zap makes one link per entry), and the key of a run that ended without a definite
 * answer is carried to Zapier's own reruns of that step through `z.cache`, core 19's key-value store:
 *  - before the request goes out, the key is stored under the step's action and exact input ("sending");
 *  - a success, or a refusal by Linkkit (nothing was created), removes it;
 *  - anything else (a ThrottledError, a 5xx, no answer, the step killed at 30 s) leaves it, and the rerun that
 *    finds it sends the same key, so Linkkit replays the first success instead of creating a second object.
 * Inside one call the core already resends with the same key. The trade-off: a new run whose input is identical to
 * a run that failed that way within 24 h, and that comes before that run's rerun, gets the object the failed run may
 * have made, and the rerun then creates the next one: as many objects as runs, never a stale one for a success.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { deriveIdempotencyKey, LinkkitError, newIdempotencyKey, stableJson } from '../../core';
import { STEP_LIMIT_MS } from './step-budget';

/** As long as Linkkit replays a key. */
const PENDING_TTL_SECONDS = 24 * 60 * 60;
/** A "sending" entry younger than this may belong to a run still going (with the same input); older ones died. */
const STILL_RUNNING_MS = STEP_LIMIT_MS + 5_000;
/** Per connection: one user's pending creates are never seen by another. */
const CACHE_SCOPE = ['user', 'auth'];

interface Pending {
	key: string;
	state: 'sending' | 'unsettled';
	at: number;
}

/** Where a step's unfinished create waits for its rerun: the action and its exact input (and the Zap, when known). */
function pendingSlot(bundle: Bundle, action: string): string {
	return `linkkit-pending-${deriveIdempotencyKey('zapier', action, String(bundle.meta?.zap?.id ?? ''), stableJson(bundle.inputData))}`;
}

/** Refused by Linkkit or before sending: nothing was created, so a rerun may as well start afresh. */
function nothingCreated(error: unknown): boolean {
	if (!(error instanceof LinkkitError)) return false;
	if (error.isInputError) return true;
	return error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/** z.cache needs Zapier's backend; without it (or if it fails) the step still runs, only without the carry-over. */
async function cached<T>(z: ZObject, what: string, use: () => Promise<T>): Promise<T | undefined> {
	try {
		return await use();
	} catch (error) {
		z.console.log(`Linkkit: could not ${what} in Zapier's cache (${error instanceof Error ? error.message : String(error)}); a rerun of this step would use a new Idempotency-Key.`);
		return undefined;
	}
}

/**
 * The key for this run: the one an unfinished earlier attempt of this step left, or a fresh one. `owned` says whether
 * the slot is this run's to settle; it is not when another run with the very same input is under way right now.
 */
async function keyForRun(z: ZObject, slot: string, now: number): Promise<{ key: string; owned: boolean }> {
	const unavailable = Symbol('unavailable');
	const read = await cached(z, 'read', () => z.cache.get(slot)).then((value) => (value === undefined ? unavailable : value));
	// Without the cache there is nothing to carry over: say so once (above), and leave the cache alone from here on.
	if (read === unavailable) return { key: newIdempotencyKey(), owned: false };
	const pending = read as Pending | null;
	const resumable = pending && (pending.state === 'unsettled' || now - pending.at > STILL_RUNNING_MS);
	if (pending && !resumable) return { key: newIdempotencyKey(), owned: false };
	const key = resumable ? pending.key : newIdempotencyKey();
	await cached(z, 'store', () => z.cache.set(slot, { key, state: 'sending', at: now } satisfies Pending, PENDING_TTL_SECONDS, CACHE_SCOPE));
	return { key, owned: true };
}

/**
 * Runs a create with this run's Idempotency-Key and settles what a rerun will find: nothing after a success or a
 * refusal, the key after anything that may have created the object without the step learning of it.
 */
export async function createOncePerRun<T>(z: ZObject, bundle: Bundle, action: string, create: (idempotencyKey: string) => Promise<T>): Promise<T> {
	const slot = pendingSlot(bundle, action);
	const { key, owned } = await keyForRun(z, slot, Date.now());
	const settle = async (outcome: 'done' | 'unsettled') => {
		if (!owned) return;
		if (outcome === 'done') await cached(z, 'clear', () => z.cache.delete(slot));
		else await cached(z, 'store', () => z.cache.set(slot, { key, state: 'unsettled', at: Date.now() } satisfies Pending, PENDING_TTL_SECONDS, CACHE_SCOPE));
	};
	try {
		const created = await create(key);
		await settle('done');
		return created;
	} catch (error) {
		await settle(nothingCreated(error) ? 'done' : 'unsettled');
		throw error;
	}
}

/** The sentence each create's description ends with, so users know what a rerun does. */
export function rerunNote(noun: string): string {
	return (
		`Each Zap run creates its own ${noun}, even with the same input as an earlier run. ` +
		`When Zapier runs a failed or delayed step again, it never makes a second ${noun}: the first one is returned.`
	);
}
