/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * A delivery as zapier-platform-core 19 hands it to a hook trigger's `perform`, checked before anything else runs.
 *
 * Zapier answers Linkkit's POST itself (200, `{"status": "success", …}`) before `perform` runs, so `perform` cannot
 * refuse a delivery with a status: what it can do is return no items, and then no Zap run starts. What it gets:
 *  - `bundle.rawRequest.content`: the body as received, a string — the bytes Linkkit signed (UTF-8);
 *  - `bundle.rawRequest.headers`: the headers, named CGI style: every name but Content-Type and Content-Length gets
 *    `Http-` in front and each word capitalised, so `X-Linkkit-Signature` arrives as `Http-X-Linkkit-Signature`;
 *  - `bundle.cleanedRequest`: the body already parsed. It is never used here: a parsed body cannot be checked against
 *    a signature (the exact bytes are gone), so the item is made from the raw body that was checked, nothing else.
 *
 * The signature is the core's check (core/webhooks.ts: HMAC-SHA256 over the exact raw bytes with the subscription's
 * secret, constant time). Refusals name what was wrong, never the secret or the signature.
 */
import type { Bundle } from 'zapier-platform-core';
import { parseDelivery, SIGNATURE_HEADER, verifySignature, type WebhookDelivery } from '../../../core';
import type { Subscription } from './subscription';

export type Received = { ok: true; delivery: WebhookDelivery } | { ok: false; reason: string };

interface RawRequest {
	content?: unknown;
	headers?: Record<string, unknown>;
}

/** A header's name as HTTP knows it: `Http-X-Linkkit-Signature` and `HTTP_X_LINKKIT_SIGNATURE` → `x-linkkit-signature`. */
function plainHeaderName(name: string): string {
	return name
		.toLowerCase()
		.replace(/_/g, '-')
		.replace(/^http-/, '');
}

/** Every value sent under the signature header (several headers of that name are all offered to the check). */
export function signatureHeader(headers: Record<string, unknown> | undefined): string[] | undefined {
	const values: string[] = [];
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (plainHeaderName(name) !== SIGNATURE_HEADER) continue;
		for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string') values.push(one);
	}
	return values.length ? values : undefined;
}

/**
 * The delivery in `bundle.rawRequest` when it is signed with this subscription's secret over exactly its body, and
 * is the subscription's event; otherwise why not.
 */
export function receivedDelivery(bundle: Bundle, subscription: Subscription): Received {
	const raw = (bundle as { rawRequest?: RawRequest }).rawRequest;
	if (!raw || typeof raw.content !== 'string') return { ok: false, reason: 'the request carries no raw body to check' };
	const signature = signatureHeader(raw.headers);
	if (!signature) return { ok: false, reason: 'the request is not signed (no X-Linkkit-Signature header)' };
	if (!verifySignature(raw.content, signature, subscription.secret)) {
		return { ok: false, reason: "the signature does not match this body with this subscription's secret" };
	}
	let body: unknown;
	try {
		body = JSON.parse(raw.content);
	} catch {
		return { ok: false, reason: 'the signed body is not JSON' };
	}
	const delivery = parseDelivery(body, subscription.event);
	if (!delivery) return { ok: false, reason: 'the signed body names no Linkkit event or no event id' };
	if (delivery.event !== subscription.event) return { ok: false, reason: `the event is ${delivery.event}, this trigger subscribed to ${subscription.event}` };
	return { ok: true, delivery };
}
