/**
 * What the trigger does with one incoming delivery, before any execution exists: is it signed by one of this node's
 * subscriptions (over the exact raw bytes, core/webhooks.ts), is it an event the node wants, and has it been handed
 * on already (Linkkit repeats a delivery with the same event id when it got no 2xx in time, docs/assumptions.md A21).
 *
 * Repeats are recognised in the memory of the n8n process that receives the deliveries: the last 10 000 deliveries,
 * per subscription and event id. A delivery counts as handed on only once n8n answered it 2xx (so when n8n fails to
 * start its execution, Linkkit's retry is accepted); a repeat arriving while the first is still unanswered is told to
 * come back later (409), so it is neither lost nor run twice.
 *
 * Not in the workflow's static data: n8n 2.41.1 does not save static data that a webhook wrote when it starts an
 * execution — its WorkflowRunner wraps the same static-data object in a new Workflow for the execution first
 * (`establishContextForPersistence`), and n8n-workflow's ObservableObject resets the change flag, so the live-webhook
 * handler's `saveStaticData` finds nothing changed. (It would also save the object whole, so two deliveries handled at
 * once would overwrite each other's ids, and one handled during a re-activation could put back old subscription
 * records.) n8n offers a node no other store that every process shares; the README says what that means for several
 * webhook processes and restarts.
 */

import type { IDataObject } from 'n8n-workflow';

import { verifySignature, type WebhookDelivery, type WebhookEvent } from '../../core';
import type { Subscription } from './subscriptions';

/** Deliveries this process remembers (about 1 MB at most). */
export const DELIVERIES_REMEMBERED = 10_000;

type Seen = 'handling' | 'handled';

/** This process's memory of deliveries, oldest first (a Map keeps insertion order). */
const seenHere = new Map<string, Seen>();

function keyOf(subscription: Subscription, eventId: string): string {
	return `${subscription.id} ${eventId}`;
}

function markInProcess(key: string, seen: Seen | undefined): void {
	seenHere.delete(key);
	if (seen === undefined) return;
	seenHere.set(key, seen);
	while (seenHere.size > DELIVERIES_REMEMBERED) seenHere.delete(seenHere.keys().next().value as string);
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
 * Decides whether a verified, wanted delivery is new. A new one is "being handled" until n8n's answer has gone out:
 * 2xx makes it "handled" (a later repeat is recognised), anything else forgets it (Linkkit's retry is accepted).
 */
export function admit(subscription: Subscription, delivery: WebhookDelivery, answer: AnswerEvents): Verdict {
	const key = keyOf(subscription, delivery.id);
	const here = seenHere.get(key);
	if (here === 'handled') return { kind: 'repeat' };
	if (here === 'handling') return { kind: 'in progress' };
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
