/**
 * The trigger's webhook subscriptions, kept in the workflow's static data (node scope), because Linkkit has no
 * endpoint that lists them: what was subscribed (id, event, url) and the secret that signs its deliveries, which only
 * the subscribe answer carries. n8n keeps static data in its database and never shows it in the editor.
 *
 * - `subscriptionsMatch` is n8n's `checkExists`: exact — one subscription per selected event, every one at this
 *   node's webhook URL, none more. Anything else (another event chosen, n8n's URL changed, a subscription half made)
 *   is not "existing", so n8n calls `create`.
 * - `replaceSubscriptions` is `create`: first it ends every subscription recorded (whatever its URL or event), then
 *   subscribes each selected event, recording each as it is made; if one fails, those just made are ended again (n8n
 *   would otherwise lose their record: after a failed activation it reloads static data from its database), so a
 *   failed activation leaves nothing behind that static data does not name.
 * - `endSubscriptions` is `delete`: ends every recorded subscription (one Linkkit no longer knows counts as ended) and
 *   keeps only those that could not be ended, so the next activation ends them first.
 *
 * A subscribe whose answer is lost may still have made a subscription: its secret is unknown, so its deliveries fail
 * verification (401) and start nothing (core/resources/hooks.ts, docs/assumptions.md A21).
 */

import type { IDataObject } from 'n8n-workflow';

import { LinkkitError, webhookEvents, type Webhook, type WebhookEvent } from '../../core';

export interface Subscription {
	id: string;
	event: WebhookEvent;
	url: string;
	/** Linkkit's signing secret for this subscription; never output, logged or put in an error. */
	secret: string;
}

/** The node's slice of the workflow's static data. */
export interface TriggerState extends IDataObject {
	subscriptions?: IDataObject[];
}

/** What the trigger needs of Linkkit's hooks API (core/resources/hooks.ts). */
export interface HooksApi {
	subscribe(event: WebhookEvent, targetUrl: string): Promise<Webhook>;
	unsubscribe(id: string): Promise<unknown>;
}

function isSubscription(value: unknown): value is Subscription {
	const record = value as Partial<Subscription> | null;
	return (
		!!record &&
		typeof record.id === 'string' &&
		typeof record.url === 'string' &&
		typeof record.secret === 'string' &&
		record.secret.length > 0 &&
		webhookEvents.includes(record.event as WebhookEvent)
	);
}

/** The recorded subscriptions (anything malformed is dropped: it could not verify a delivery anyway). */
export function subscriptionsOf(state: TriggerState): Subscription[] {
	return Array.isArray(state.subscriptions) ? (state.subscriptions as unknown[]).filter(isSubscription) : [];
}

function record(state: TriggerState, subscriptions: Subscription[]): void {
	// A new array each time: n8n notices the change and saves it.
	state.subscriptions = subscriptions.map(({ id, event, url, secret }) => ({ id, event, url, secret }));
}

/** The events a person chose, each once, in Linkkit's order. */
export function chosenEvents(value: unknown): WebhookEvent[] {
	const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
	return webhookEvents.filter((event) => chosen.has(event));
}

/** n8n's `checkExists`: exactly one recorded subscription per chosen event, all at `url`, and no other. */
export function subscriptionsMatch(state: TriggerState, url: string, events: WebhookEvent[]): boolean {
	const recorded = subscriptionsOf(state);
	if (events.length === 0 || recorded.length !== events.length) return false;
	if (Array.isArray(state.subscriptions) && state.subscriptions.length !== recorded.length) return false;
	const recordedEvents = new Set(recorded.map((subscription) => subscription.event));
	return recorded.every((subscription) => subscription.url === url) && recordedEvents.size === events.length && events.every((event) => recordedEvents.has(event));
}

export interface EndResult {
	ended: number;
	/** Recorded subscriptions that could not be ended (kept in static data). */
	kept: number;
	/** The first failure, if any. */
	error?: unknown;
}

/** n8n's `delete`: ends every recorded subscription; keeps in the record only those that could not be ended. */
export async function endSubscriptions(api: HooksApi, state: TriggerState): Promise<EndResult> {
	let remaining = subscriptionsOf(state);
	let ended = 0;
	let error: unknown;
	for (const subscription of [...remaining]) {
		const outcome = await api.unsubscribe(subscription.id).then(
			() => undefined,
			(failure: unknown) => ({ failure }),
		);
		if (outcome) {
			error ??= outcome.failure;
			continue;
		}
		ended++;
		remaining = remaining.filter((other) => other !== subscription);
	}
	record(state, remaining);
	return { ended, kept: remaining.length, error };
}

export interface ReplaceResult {
	made: Subscription[];
	/** Why the subscriptions could not all be made (what was just made has been ended again), if they could not. */
	error?: unknown;
}

/**
 * n8n's `create`: ends whatever is recorded, then subscribes each event at `url`. When a recorded subscription cannot
 * be ended or a subscribe fails, it ends what it just made and returns the failure (the node reports the activation
 * as failed).
 */
export async function replaceSubscriptions(api: HooksApi, state: TriggerState, url: string, events: WebhookEvent[]): Promise<ReplaceResult> {
	const old = await endSubscriptions(api, state);
	if (old.error !== undefined) return { made: [], error: old.error };
	const made: Subscription[] = [];
	let error: unknown;
	for (const event of events) {
		const outcome = await api.subscribe(event, url).then(
			(hook) => ({ hook }),
			(failure: unknown) => ({ failure }),
		);
		if ('failure' in outcome) {
			error = outcome.failure;
			break;
		}
		const { hook } = outcome;
		if (typeof hook.id !== 'string' || typeof hook.secret !== 'string' || !hook.secret) {
			// Without its secret a subscription's deliveries cannot be verified: end it at once.
			if (typeof hook.id === 'string') made.push({ id: hook.id, event, url, secret: '' });
			error = new LinkkitError({ code: 'invalid_response', message: `Linkkit's answer to subscribing to ${event} had no ${typeof hook.id === 'string' ? 'signing secret' : 'subscription ID'}.` });
			break;
		}
		made.push({ id: hook.id, event, url, secret: hook.secret });
		record(state, made);
	}
	if (error === undefined) return { made };
	for (const subscription of [...made]) {
		const ended = await api.unsubscribe(subscription.id).then(
			() => true,
			() => false,
		);
		// One that could not be ended stays recorded (when it has a secret), so the next activation or deactivation ends it.
		if (ended) made.splice(made.indexOf(subscription), 1);
	}
	record(state, made.filter((subscription) => subscription.secret));
	return { made: [], error };
}
