/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * What a Zap keeps of its Linkkit subscription: `performSubscribe`'s return value, which Zapier stores with the Zap
 * and hands back as `bundle.subscribeData` to every `perform` and to `performUnsubscribe` — never shown in the Zap
 * editor, and the only place the signing secret lives (Linkkit shows it once, in the subscribe answer, and has no
 * endpoint that lists or reads subscriptions). Zapier's log scrubber hides values under keys containing "secret",
 * which is why the key is named so. Nothing else the app returns, logs or throws ever holds the secret.
 */
import type { Bundle } from 'zapier-platform-core';
import type { WebhookEvent } from '../../../core';

export interface Subscription {
	/** Linkkit's webhook id: DELETE /v1/hooks/{id} ends it; deliveries are remembered per subscription. */
	id: string;
	event: WebhookEvent;
	/** The HMAC-SHA256 key of every delivery to this Zap. */
	secret: string;
	/** Only links in this segment (New/Updated/Deleted Link), when the Zap chose one. */
	list_id?: string;
	/** Only clicks on this link (New Click), by its id: a renamed link keeps its clicks. */
	link_id?: string;
	/** The chosen link's short code when subscribed, for messages only. */
	short_code?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * The Zap's subscription, or undefined when `subscribeData` lacks its id or secret (then nothing can be verified). The
 * event is the trigger's own: each trigger subscribes to one.
 */
export function subscriptionOf(bundle: Bundle, event: WebhookEvent): Subscription | undefined {
	const data = (bundle.subscribeData ?? {}) as Record<string, unknown>;
	const id = text(data.id);
	const secret = text(data.secret);
	if (!id || !secret) return undefined;
	return { id, event, secret, list_id: text(data.list_id), link_id: text(data.link_id), short_code: text(data.short_code) };
}
