/**
 * What the trigger does with one incoming delivery, before any execution exists: is it signed by one of this node's
 * subscriptions (over the exact raw bytes, core/webhooks.ts), is it an event the node wants, and has it been handed
 * on already (Linkkit repeats a delivery with the same event id when it got no 2xx in time, docs/assumptions.md A21).
 *
 * Repeats are recognised in two memories, both bounded:
 * - the workflow's static data (RecentEvents, the last 1 000 event ids): n8n reads it from its database for every
 *   delivery and saves it before it answers, so a repeat that arrives after n8n answered the first is recognised in
 *   any n8n process (main or webhook processes in queue mode) and after a restart;
 * - this process's memory (the last 10 000 deliveries): catches a repeat that arrives while the first is still being
 *   handled, and ids a concurrent delivery's save overwrote (n8n saves static data whole: two deliveries handled at
 *   the same moment each save their own copy). A delivery is "seen" here only once n8n answered it 2xx: if n8n fails
 *   to start its execution, Linkkit's retry is accepted. A repeat arriving while the first is unanswered is told to
 *   come back later (409), so it is neither lost nor run twice.
 */

import type { IDataObject } from 'n8n-workflow';

import { RecentEvents, verifySignature, type WebhookDelivery, type WebhookEvent } from '../../core';
import type { Subscription, TriggerState } from './subscriptions';

export const RECENT_EVENTS_KEPT = 1_000;
const PROCESS_MEMORY = 10_000;

type Seen = 'handling' | 'handled';

/** This process's memory of deliveries, oldest first (a Map keeps insertion order). */
const seenHere = new Map<string, Seen>();

function keyOf(subscription: Subscription, eventId: string): string {
	return `${subscription.id} ${eventId}`;
}

export function seenInProcess(subscription: Subscription, eventId: string): Seen | undefined {
	return seenHere.get(keyOf(subscription, eventId));
}

function markInProcess(key: string, seen: Seen | undefined): void {
	seenHere.delete(key);
	if (seen === undefined) return;
	seenHere.set(key, seen);
	while (seenHere.size > PROCESS_MEMORY) seenHere.delete(seenHere.keys().next().value as string);
}

/** Forgets everything this process remembers (tests that simulate a restart). */
export function forgetProcessMemory(): void {
	seenHere.clear();
}

/** The subscription whose secret signed exactly these bytes, if any. */
export function signedBy(subscriptions: Subscription[], rawBody: Uint8Array | undefined, signature: string | string[] | undefined): Subscription | undefined {
	if (!rawBody || signature === undefined) return undefined;
	return subscriptions.find((subscription) => verifySignature(rawBody, signature, subscription.secret));
}

/** The filters a person set: a segment for link events, a link (short code) for clicks. */
export interface DeliveryFilters {
	segmentId?: string;
	shortCode?: string;
}

/** Whether the node hands this delivery on (an event it was set up for, passing its filters). */
export function wanted(delivery: WebhookDelivery, events: WebhookEvent[], filters: DeliveryFilters): boolean {
	if (!events.includes(delivery.event)) return false;
	if (delivery.event === 'link.clicked') return !filters.shortCode || delivery.data.short_code === filters.shortCode;
	return !filters.segmentId || delivery.data.list_id === filters.segmentId;
}

export type Verdict = { kind: 'new' } | { kind: 'repeat' } | { kind: 'in progress' };

/** The end of an HTTP answer, as n8n's response object reports it (Node's ServerResponse events). */
export interface AnswerEvents {
	statusCode: number;
	writableFinished?: boolean;
	once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * Decides whether a verified, wanted delivery is new; a new one is recorded in static data at once (n8n saves it
 * before it answers) and in this process's memory once the answer went out 2xx.
 */
export function admit(state: TriggerState, subscription: Subscription, delivery: WebhookDelivery, answer: AnswerEvents): Verdict {
	const key = keyOf(subscription, delivery.id);
	const here = seenHere.get(key);
	if (here === 'handled') return { kind: 'repeat' };
	if (here === 'handling') return { kind: 'in progress' };
	const recent = new RecentEvents(Array.isArray(state.recentEvents) ? state.recentEvents.map(String) : [], RECENT_EVENTS_KEPT);
	if (!recent.remember(delivery.id)) {
		markInProcess(key, 'handled');
		return { kind: 'repeat' };
	}
	state.recentEvents = recent.toJSON();
	markInProcess(key, 'handling');
	let settled = false;
	const settle = () => {
		if (settled) return;
		settled = true;
		const ok = answer.writableFinished !== false && answer.statusCode >= 200 && answer.statusCode < 300;
		markInProcess(key, ok ? 'handled' : undefined);
	};
	answer.once('finish', settle);
	answer.once('close', settle);
	return { kind: 'new' };
}

/** The delivery as the webhook hands it to the execution (the node's `execute` turns it into the item). */
export function deliveryJson(delivery: WebhookDelivery): IDataObject {
	return { id: delivery.id, event: delivery.event, created_at: delivery.created_at ?? null, data: delivery.data as IDataObject };
}
