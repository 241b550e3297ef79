/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- Zapier app, never shipped in the n8n package */
/**
 * Create Link makes one link per Zap run, and never two for one run.
 *
 * Linkkit has no idempotency key. The core creates a link exactly once through `links.createOnce(identity, input)`:
 * a PUT under a short code derived from the identity, which, sent again, can only update that same link. So what
 * makes the create "once" is the identity, and a Zap run needs one of its own that Zapier's reruns of the step
 * (after a timeout, a 5xx, a ThrottledError, an autoreplay or a manual replay) get back, while a new run never does.
 *
 * zapier-platform-core 19 gives a perform nothing per run: `bundle.meta` has no run, step or execution id (only the
 * deprecated `zap.id`, the same for every run of the Zap). So each run draws a fresh random identity, and the
 * identity of a run that ended without a definite answer is carried to the rerun through z.cache:
 *  - before anything is sent, the identity is stored under the action and the step's exact input ("sending");
 *  - a success, or a refusal (Linkkit or the input said no: nothing was created), removes it;
 *  - anything else (no answer, a 5xx, a ThrottledError, the step killed at 30 s) leaves it ("unsettled"), and the
 *    rerun that finds it takes the identity over, looks under its code first, and otherwise sends the same PUT.
 * Within one step the core already repeats the PUT under the same code. The trade-off: a *new* run whose input is
 * identical to that of a failed run, arriving before the failed run's rerun, takes that identity (and gets the link
 * the failed attempt may have made); the rerun then draws a fresh one — as many links as runs, never one for two.
 */
import { randomUUID } from 'crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { identityOf, LinkkitError, stableJson } from '../../core';
import { STEP_LIMIT_MS } from './step-budget';
import { ConnectionCache, UNAVAILABLE } from './zcache';

/** Zapier lets a user replay a failed run for days; the identity waits that long for it. */
const PENDING_TTL_SECONDS = 14 * 24 * 60 * 60;
/** A "sending" entry younger than this may belong to a run still going (with the same input); older ones died. */
const STILL_RUNNING_MS = STEP_LIMIT_MS + 5_000;

interface Pending {
	identity: string;
	state: 'sending' | 'unsettled';
	at: number;
}

/** This run's identity; `resumed` when it was carried over from an earlier attempt of the step. */
export interface RunIdentity {
	identity: string;
	resumed: boolean;
}

/** Where a step's unfinished create waits for its rerun: the action and its exact input (and the Zap, when known). */
function pendingSlot(bundle: Bundle, action: string): string {
	const zapId = String((bundle.meta as { zap?: { id?: unknown } } | undefined)?.zap?.id ?? '');
	return `linkkit-create-once:v2:${identityOf('zapier', action, zapId, stableJson(bundle.inputData ?? {}))}`;
}

function freshIdentity(action: string): string {
	return identityOf('zapier-run', action, randomUUID());
}

/** Refused by Linkkit or before sending: nothing was created, so a rerun may as well start afresh. */
export function nothingCreated(error: unknown): boolean {
	if (!(error instanceof LinkkitError) || error.outcomeUnknown) return false;
	if (error.isInputError) return true;
	return error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/**
 * The identity for this run: the one an unfinished earlier attempt of this step left, or a fresh one. `owned` says
 * whether the slot is this run's to settle; it is not while another run with the very same input is under way.
 */
async function identityForRun(cache: ConnectionCache, slot: string, action: string): Promise<{ run: RunIdentity; owned: boolean }> {
	const pending = await cache.get<Pending>(slot);
	if (pending === UNAVAILABLE) return { run: { identity: freshIdentity(action), resumed: false }, owned: false };
	const now = Date.now();
	if (pending && (pending.state === 'unsettled' || now - pending.at > STILL_RUNNING_MS)) {
		await cache.set(slot, { identity: pending.identity, state: 'sending', at: now } satisfies Pending, PENDING_TTL_SECONDS);
		return { run: { identity: pending.identity, resumed: true }, owned: true };
	}
	const identity = freshIdentity(action);
	if (pending) return { run: { identity, resumed: false }, owned: false };
	const claimed = await cache.claim(slot, { identity, state: 'sending', at: now } satisfies Pending, PENDING_TTL_SECONDS);
	return { run: { identity, resumed: false }, owned: claimed === true };
}

/**
 * Runs a create with this run's identity and settles what a rerun will find: nothing after a success or a refusal,
 * the identity after anything that may have created the link without the step learning of it.
 */
export async function createOncePerRun<T>(z: ZObject, bundle: Bundle, action: string, create: (run: RunIdentity) => Promise<T>): Promise<T> {
	const cache = new ConnectionCache(z);
	const slot = pendingSlot(bundle, action);
	const { run, owned } = await identityForRun(cache, slot, action);
	try {
		const created = await create(run);
		if (owned) await cache.delete(slot);
		return created;
	} catch (error) {
		if (owned) {
			if (nothingCreated(error)) await cache.delete(slot);
			else await cache.set(slot, { identity: run.identity, state: 'unsettled', at: Date.now() } satisfies Pending, PENDING_TTL_SECONDS);
		}
		throw error;
	}
}
