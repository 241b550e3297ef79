/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * Which deliveries a Zap has already run for. Linkkit retries a delivery it thinks failed with the same event id
 * (docs/assumptions.md A21: after 1 s, 5 s, 25 s, 2 min and 10 min — about 13 minutes in all, plus the attempts' own
 * 10 s), and Zapier runs a Zap for every item a hook's `perform` returns, without dedupe. So each event id is kept in
 * z.cache, per connection (zcache.ts), under the subscription (each Zap subscribes on its own, so two Zaps on the
 * same event each get their run) and the event id, for a day: far past Linkkit's last retry, and bounded.
 *
 * A repeat is looked for before any work (`seen`), and the event is taken only after its item was made (`take`), with
 * Zapier's set-if-absent, so of two copies handled at the same moment only one gets the key: the other returns no
 * items. A delivery whose item could not be made (the step failed) is not taken, so a later copy still gets its run.
 *
 * Without z.cache (no Zapier backend) the ids are kept in this process only — the core's bounded RecentEvents per
 * subscription — which catches repeats that reach the same warm process, no more.
 */
import type { ZObject } from 'zapier-platform-core';
import { RecentEvents } from '../../../core';
import { ConnectionCache, UNAVAILABLE } from '../zcache';

/** A day: Linkkit's retries of one event end about 13 minutes after it (A21). */
export const SEEN_TTL_SECONDS = 24 * 60 * 60;
/** Events remembered in memory per subscription, and subscriptions remembered, when z.cache is not there. */
const MEMORY_EVENTS = 1_000;
const MEMORY_SUBSCRIPTIONS = 100;

const memory = new Map<string, RecentEvents>();

function inMemory(subscriptionId: string): RecentEvents {
	let recent = memory.get(subscriptionId);
	if (!recent) {
		recent = new RecentEvents([], MEMORY_EVENTS);
		memory.set(subscriptionId, recent);
		if (memory.size > MEMORY_SUBSCRIPTIONS) memory.delete(memory.keys().next().value as string);
	}
	return recent;
}

export function seenEventKey(subscriptionId: string, eventId: string): string {
	return `linkkit-hook-event:v1:${subscriptionId}:${eventId}`;
}

export class SeenEvents {
	private readonly cache: ConnectionCache;

	constructor(
		z: ZObject,
		private readonly subscriptionId: string,
	) {
		this.cache = new ConnectionCache(z);
	}

	/** True when this subscription already ran for the event. */
	async seen(eventId: string): Promise<boolean> {
		const stored = await this.cache.get<unknown>(seenEventKey(this.subscriptionId, eventId));
		if (stored === UNAVAILABLE) return inMemory(this.subscriptionId).toJSON().includes(eventId);
		return stored !== null;
	}

	/** Records the event as run; false when another copy took it first (then this one must return no items). */
	async take(eventId: string, receivedAt: string): Promise<boolean> {
		const claimed = await this.cache.claim(seenEventKey(this.subscriptionId, eventId), { at: receivedAt }, SEEN_TTL_SECONDS);
		if (claimed === UNAVAILABLE) return inMemory(this.subscriptionId).remember(eventId);
		return claimed;
	}
}
