/**
 * Webhook subscriptions: one event per subscription, delivered to a URL and signed with a secret that only the
 * subscribe answer carries. Linkkit has no endpoint that lists or reads subscriptions, so whoever subscribes must keep
 * the id and the secret (n8n: the workflow's static data; Zapier: the subscribe step's output).
 *
 * A subscribe whose answer was lost cannot be looked for (nothing lists hooks) nor repeated without risk; it is
 * repeated, and the subscription the lost attempt may have made is left behind with a secret nobody knows: its
 * deliveries fail the signature check and start nothing (the instant triggers refuse them), so it costs Linkkit's
 * retries and no more. (docs/assumptions.md A21: a 410 answer would deactivate it.)
 */

import { settle } from '../concurrency';
import { isNotFound, LinkkitError } from '../errors';
import type { LinkkitHttp } from '../http';
import { validateUrl, validateUuid } from '../validation';
import type { Schemas } from './common';

export type Webhook = Schemas['Webhook'];
export type WebhookEvent = Schemas['WebhookEvent'];

export const webhookEvents: ReadonlyArray<WebhookEvent> = ['link.created', 'link.updated', 'link.deleted', 'link.clicked'];

export function hooksApi(http: LinkkitHttp) {
	return {
		async subscribe(event: WebhookEvent, targetUrl: string): Promise<Webhook> {
			if (!webhookEvents.includes(event)) {
				throw new LinkkitError({ code: 'invalid_input', message: `"${event}" is not a Linkkit event; use one of ${webhookEvents.join(', ')}.` });
			}
			const body = { event, target_url: validateUrl('target_url', targetUrl) };
			for (let attempt = 0; ; attempt++) {
				const outcome = await settle(() => http.call<Webhook>('subscribeHook', { body, action: 'subscribe to events' }));
				if (outcome.ok) return outcome.value;
				if (!(outcome.error instanceof LinkkitError) || !outcome.error.outcomeUnknown || attempt >= 2) throw outcome.error;
			}
		},
		/** Ends a subscription; one already gone (404) counts as ended. */
		async unsubscribe(id: unknown): Promise<{ id: string; unsubscribed: true }> {
			const checked = validateUuid('hookId', id, 'webhook');
			const outcome = await settle(() => http.call('unsubscribeHook', { pathParams: { id: checked }, action: 'unsubscribe' }));
			if (!outcome.ok && !isNotFound(outcome.error)) throw outcome.error;
			return { id: checked, unsubscribed: true };
		},
	};
}
