/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only tool, never shipped in the n8n package */
/**
 * Sends webhook deliveries (A19–A23): each emitted event goes to every active subscription of its workspace for that
 * event, as `{id, event, created_at, data}` signed with the subscription's secret. The first attempt starts after
 * the API request has been answered; a delivery not answered 2xx within the timeout is retried on the A21 schedule
 * with the same event id; a 410 deactivates the subscription; unsubscribing stops its pending retries.
 */
import { newUuid } from '../ids';
import type { Store } from '../state/store';
import type { Hook, WebhookEvent } from '../state/types';
import { DeliveryLog, type Delivery, type DeliveryFilter } from './delivery-log';
import type { EventData, EventSink } from './events';
import { DELIVERY_TIMEOUT_MS, retryDelayAfter } from './retry-schedule';
import { SIGNATURE_HEADER, signatureOf } from './signature';

export interface DispatcherOptions {
	now: () => number;
	/** Multiplies the retry waits (A21); 1 is the real schedule. */
	retryScale: number;
	/** How long an attempt may take before it counts as failed (A21: 10 s). */
	timeoutMs?: number;
}

/** Why an attempt got no answer, in a few words. */
function failureOf(error: unknown): string {
	const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
	if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
	return e.cause?.code ?? e.cause?.message ?? e.message ?? 'request failed';
}

export class WebhookDispatcher implements EventSink {
	readonly log = new DeliveryLog();
	private readonly timers = new Map<Delivery, ReturnType<typeof setTimeout>>();
	/** The bodies of pending deliveries, byte for byte as signed (retries resend the same bytes). */
	private readonly bodies = new Map<Delivery, string>();

	constructor(
		private readonly store: Store,
		private readonly options: DispatcherOptions,
	) {}

	private iso(): string {
		return new Date(this.options.now()).toISOString();
	}

	emit(workspaceId: string, event: WebhookEvent, data: EventData): void {
		const hooks = [...(this.store.workspace(workspaceId)?.hooks.values() ?? [])].filter((hook) => hook.is_active && hook.event === event);
		if (hooks.length === 0) return;
		const payload = { id: newUuid(), event, created_at: this.iso(), data };
		const body = JSON.stringify(payload);
		for (const hook of hooks) {
			const delivery = this.log.add({
				id: newUuid(),
				hook_id: hook.id,
				workspace_id: workspaceId,
				event,
				event_id: payload.id,
				target_url: hook.url,
				state: 'pending',
				outcome: null,
				attempts: [],
				next_attempt_at: null,
				payload,
			});
			this.bodies.set(delivery, body);
			// A timer, not a call: the API request this event came from is answered first.
			this.schedule(delivery, 0);
		}
	}

	private schedule(delivery: Delivery, delayMs: number): void {
		delivery.next_attempt_at = new Date(this.options.now() + delayMs).toISOString();
		const timer = setTimeout(() => void this.attempt(delivery), delayMs);
		timer.unref();
		this.timers.set(delivery, timer);
	}

	private hookOf(delivery: Delivery): Hook | undefined {
		return this.store.workspace(delivery.workspace_id)?.hooks.get(delivery.hook_id);
	}

	private finish(delivery: Delivery, state: Delivery['state'], outcome: string | null): void {
		const timer = this.timers.get(delivery);
		if (timer) clearTimeout(timer);
		this.timers.delete(delivery);
		this.bodies.delete(delivery);
		delivery.state = state;
		delivery.outcome = outcome;
		delivery.next_attempt_at = null;
	}

	private async attempt(delivery: Delivery): Promise<void> {
		this.timers.delete(delivery);
		const hook = this.hookOf(delivery);
		const body = this.bodies.get(delivery);
		if (delivery.state !== 'pending' || body === undefined) return;
		if (!hook || !hook.is_active) return this.finish(delivery, 'cancelled', 'subscription ended');
		delivery.next_attempt_at = null;
		const at = this.iso();
		const started = performance.now();
		let status: number | null = null;
		let error: string | null = null;
		try {
			const answer = await fetch(hook.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureOf(hook.secret, body) },
				body,
				// A redirect is not a 2xx: it is retried, never followed (it could point off the machine, A23).
				redirect: 'manual',
				signal: AbortSignal.timeout(this.options.timeoutMs ?? DELIVERY_TIMEOUT_MS),
			});
			status = answer.status;
			await answer.body?.cancel();
		} catch (thrown) {
			error = failureOf(thrown);
		}
		delivery.attempts.push({ at, status, error, duration_ms: Math.round(performance.now() - started) });
		if (delivery.state !== 'pending') return;
		if (status !== null && status >= 200 && status < 300) return this.finish(delivery, 'delivered', null);
		if (status === 410) return this.deactivate(delivery);
		const current = this.hookOf(delivery);
		if (!current || !current.is_active) return this.finish(delivery, 'cancelled', 'subscription ended');
		const delay = retryDelayAfter(delivery.attempts.length, this.options.retryScale);
		if (delay === undefined) return this.finish(delivery, 'failed', 'retries exhausted');
		this.schedule(delivery, delay);
	}

	/** A 410 Gone ends the subscription (A21): it stays, inactive, and nothing more is sent to it. */
	private deactivate(delivery: Delivery): void {
		this.finish(delivery, 'failed', '410 Gone: subscription deactivated');
		const workspace = this.store.workspace(delivery.workspace_id);
		const hook = workspace?.hooks.get(delivery.hook_id);
		if (workspace && hook) this.store.putHook(workspace, { ...hook, is_active: false });
		this.cancelHook(delivery.hook_id, 'subscription deactivated');
	}

	/** Stops every pending delivery to a subscription (it was deleted or deactivated). */
	cancelHook(hookId: string, outcome = 'subscription ended'): void {
		for (const delivery of this.log.pending()) if (delivery.hook_id === hookId) this.finish(delivery, 'cancelled', outcome);
	}

	deliveries(filter?: DeliveryFilter): Delivery[] {
		return this.log.list(filter);
	}

	/** Cancels what is pending and empties the log (reset, stop, `POST /__sandbox/deliveries/clear`). */
	clear(): void {
		for (const delivery of this.log.pending()) this.finish(delivery, 'cancelled', 'cleared');
		this.log.clear();
	}
}
