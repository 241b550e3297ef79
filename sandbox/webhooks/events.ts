/**
 * The events the sandbox emits as links change and are clicked (A19): what a change hands to the webhook
 * dispatcher. Emitting never waits for a delivery; the dispatcher sends after the API has answered.
 */
import type { Click, Link, WebhookEvent } from '../state/types';

export type EventData = Link | LinkClickedData;

/** `link.clicked` names the link only by code and id (A19). */
export interface LinkClickedData {
	short_code: string;
	link_id: string;
	click: Click;
}

export interface EventSink {
	emit(workspaceId: string, event: WebhookEvent, data: EventData): void;
}

/** For code paths that record without notifying (the seed, injected click bursts). */
export const NO_EVENTS: EventSink = { emit: () => {} };
