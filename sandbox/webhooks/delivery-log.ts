/**
 * The record of every webhook delivery and its attempts, for `GET /__sandbox/deliveries`: which hook, event and
 * event id, where it went, and each attempt's time, status and error. Secrets are never part of it. Bounded, so a
 * long run of clicks cannot grow it without end (the oldest finished deliveries go first).
 */
import type { WebhookEvent } from '../state/types';

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface DeliveryAttempt {
	/** When the attempt was sent, on the sandbox's clock. */
	at: string;
	/** The receiver's status, or null when there was no answer. */
	status: number | null;
	/** Why the attempt failed without an answer (timeout, refused), else null. */
	error: string | null;
	duration_ms: number;
}

export interface Delivery {
	id: string;
	hook_id: string;
	workspace_id: string;
	event: WebhookEvent;
	/** The same on every attempt of this delivery (A21), and for every hook that receives the event. */
	event_id: string;
	target_url: string;
	state: DeliveryState;
	/** Why the delivery ended without success: `retries exhausted`, `410 Gone: subscription deactivated`, ... */
	outcome: string | null;
	attempts: DeliveryAttempt[];
	next_attempt_at: string | null;
	/** The body as sent (the event envelope, A19). */
	payload: unknown;
}

export interface DeliveryFilter {
	hook_id?: string;
	event?: string;
	event_id?: string;
}

const MAX_DELIVERIES = 10_000;

export class DeliveryLog {
	private entries: Delivery[] = [];

	add(delivery: Delivery): Delivery {
		this.entries.push(delivery);
		if (this.entries.length > MAX_DELIVERIES) {
			const drop = this.entries.findIndex((entry) => entry.state !== 'pending');
			this.entries.splice(drop >= 0 ? drop : 0, 1);
		}
		return delivery;
	}

	pending(): Delivery[] {
		return this.entries.filter((entry) => entry.state === 'pending');
	}

	/** Oldest first; a deep copy, so callers cannot change the log. */
	list(filter: DeliveryFilter = {}): Delivery[] {
		return structuredClone(
			this.entries.filter(
				(entry) =>
					(filter.hook_id === undefined || entry.hook_id === filter.hook_id) &&
					(filter.event === undefined || entry.event === filter.event) &&
					(filter.event_id === undefined || entry.event_id === filter.event_id),
			),
		);
	}

	clear(): void {
		this.entries = [];
	}
}
