/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * An instant trigger on one of Linkkit's webhook events (a REST hook, `type: 'hook'`):
 *  - `performSubscribe` (the Zap is turned on): POST /v1/hooks {event, target_url: bundle.targetUrl}; what it returns
 *    Zapier keeps as `bundle.subscribeData` — the hook's id, its signing secret and the Zap's filters (subscription.ts);
 *  - `performUnsubscribe` (the Zap is turned off): DELETE /v1/hooks/{id}; one already gone counts as ended;
 *  - `perform` (Linkkit POSTed to the Zap's URL): the signature is checked over the exact raw body before anything
 *    else (received.ts); a missing, wrong or foreign signature, or a body that is not the subscribed event, gives no
 *    items, and nothing is read, written or remembered. A verified delivery this subscription already ran for gives
 *    no items either (seen-events.ts). Otherwise the item is the core's `deliveryItem`, shaped as the polling
 *    trigger's items, so later steps map the same fields;
 *  - `performList` (the Zap editor's "Test trigger"): real recent items from the account, the same shape.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { LinkkitError, type LinkkitClient, type WebhookDelivery, type WebhookEvent } from '../../../core';
import type { LabelledField } from '../errors';
import { linkkitPerform } from '../perform';
import { receivedDelivery } from './received';
import { SeenEvents } from './seen-events';
import { subscriptionOf, type Subscription } from './subscription';

/** What a Zap chose to watch, fixed when it subscribes. */
export type SubscriptionFilters = Pick<Subscription, 'list_id' | 'link_id' | 'short_code'>;

export interface InstantTriggerSpec<O> {
	key: string;
	noun: string;
	label: string;
	description: string;
	event: WebhookEvent;
	inputFields: Array<LabelledField & Record<string, unknown>>;
	/** Reads the Zap's input into filters when it subscribes (may ask Linkkit, e.g. a link's id). */
	filters(client: LinkkitClient, bundle: Bundle): Promise<SubscriptionFilters>;
	/** Whether a delivery can be left out from its body alone, before any request (a click on another link). */
	skipsEarly?(delivery: WebhookDelivery, subscription: Subscription): boolean;
	/** Zapier's items for a verified, new delivery; none when the Zap's filters leave it out. */
	items(client: LinkkitClient, delivery: WebhookDelivery, subscription: Subscription): Promise<O[]>;
	/** Real recent items for the Zap editor, the same shape as `items`. */
	list(client: LinkkitClient, bundle: Bundle): Promise<O[]>;
	sample: O & { id: string };
	outputFields: unknown[];
}

/** The subscribe step's output: all Zapier keeps, never shown in the Zap editor. */
export type SubscribeData = Subscription;

function ignored(z: ZObject, label: string, reason: string): [] {
	z.console.log(`Linkkit ${label}: delivery ignored, no Zap run — ${reason}.`);
	return [];
}

export function instantTrigger<O>(spec: InstantTriggerSpec<O>) {
	const { key, noun, label, description, event, inputFields } = spec;

	const performSubscribe = linkkitPerform(inputFields, async (client, bundle): Promise<SubscribeData> => {
		const filters = await spec.filters(client, bundle);
		const hook = await client.hooks.subscribe(event, String(bundle.targetUrl ?? ''));
		if (!hook.id || !hook.secret) {
			// Without the secret no delivery could ever be verified: the Zap would never run. End it and say so.
			if (hook.id) await client.hooks.unsubscribe(hook.id);
			throw new LinkkitError({ code: 'invalid_response', message: `Linkkit accepted the subscription to ${event} but sent no signing secret, so its deliveries could not be checked. Nothing was subscribed; try turning the Zap on again.` });
		}
		return { id: hook.id, event, secret: hook.secret, ...definedOnly(filters) };
	});

	const performUnsubscribe = linkkitPerform(inputFields, async (client, bundle) => {
		const id = (bundle.subscribeData as { id?: unknown } | undefined)?.id;
		if (typeof id !== 'string' || !id) return { id: null, unsubscribed: false };
		return await client.hooks.unsubscribe(id);
	});

	const perform = async (z: ZObject, bundle: Bundle): Promise<O[]> => {
		// Checked before any client, request or cache access: a refused delivery leaves no trace but the log line.
		const subscription = subscriptionOf(bundle, event);
		if (!subscription) return ignored(z, label, 'this Zap holds no Linkkit subscription to check deliveries against (turn the Zap off and on)');
		const received = receivedDelivery(bundle, subscription);
		if (!received.ok) return ignored(z, label, received.reason);
		const { delivery } = received;
		if (spec.skipsEarly?.(delivery, subscription)) return [];

		return await linkkitPerform(inputFields, async (client) => {
			const seen = new SeenEvents(z, subscription.id);
			if (await seen.seen(delivery.id)) return ignored(z, label, `event ${delivery.id} was already run (a repeated delivery)`);
			const items = await spec.items(client, delivery, subscription);
			if (items.length === 0) return [];
			if (!(await seen.take(delivery.id, new Date().toISOString()))) return ignored(z, label, `event ${delivery.id} was already run (a repeated delivery)`);
			return items;
		})(z, bundle);
	};

	const performList = linkkitPerform(inputFields, async (client, bundle) => await spec.list(client, bundle));

	return {
		key,
		noun,
		display: { label, description },
		operation: {
			type: 'hook' as const,
			inputFields,
			performSubscribe,
			performUnsubscribe,
			perform,
			performList,
			sample: spec.sample,
			outputFields: spec.outputFields,
		},
	};
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

