/**
 * Webhook deliveries, as both platforms' instant triggers receive them: is it really from Linkkit (the signature),
 * which event is it (the envelope), has it been seen before (Linkkit retries), and what item does it become (the
 * same shape as the polling triggers', so a workflow can switch between the two without changing later steps).
 *
 * Linkkit documents only that `X-Linkkit-Signature` carries an HMAC-SHA256 made with the subscription's secret.
 * Which bytes are signed, the encoding and any prefix are not documented; the sandbox decides (docs/assumptions.md
 * A19–A21: hex of the raw body, `sha256=` prefix). Verification accepts the unambiguous variants — hex or base64 (also
 * URL-safe), with or without `sha256=`, several comma-separated — over the exact raw bytes, compared in constant time.
 */

import { createHmac, timingSafeEqual } from 'crypto';

import type { LinkkitClient } from './client';
import { isNotFound } from './errors';
import { settle } from './concurrency';
import type { Click } from './resources/click-stats';
import { withShortUrl, type Link, type LinkWithUrl } from './resources/links';
import { webhookEvents, type WebhookEvent } from './resources/hooks';
import { shortUrlOf } from './short-url';

export const SIGNATURE_HEADER = 'x-linkkit-signature';

const SHA256_BYTES = 32;

/** The signature's bytes from one written form, or undefined when it is neither hex nor base64 of 32 bytes. */
function signatureBytes(written: string): Buffer | undefined {
	const value = written.trim().replace(/^sha256[=:]/i, '').trim();
	if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
	if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
		const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
		return bytes.length === SHA256_BYTES ? bytes : undefined;
	}
	return undefined;
}

/** True when `header` holds a valid HMAC-SHA256 of exactly `rawBody` with `secret`. */
export function verifySignature(rawBody: Uint8Array | string, header: string | string[] | undefined, secret: string): boolean {
	if (!secret || header === undefined) return false;
	const expected = createHmac('sha256', secret).update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody).digest();
	const written = (Array.isArray(header) ? header : [header]).flatMap((h) => h.split(','));
	let valid = false;
	// Every candidate is compared (no early exit), so the time taken says nothing about which part matched.
	for (const candidate of written) {
		const bytes = signatureBytes(candidate);
		if (bytes && bytes.length === expected.length && timingSafeEqual(bytes, expected)) valid = true;
	}
	return valid;
}

/** A delivery as docs/assumptions.md A19 describes it: `{id, event, created_at, data}`. */
export interface WebhookDelivery {
	/** The event's id: the same on each retry of one delivery. */
	id: string;
	event: WebhookEvent;
	created_at?: string;
	data: Record<string, unknown>;
}

/**
 * Reads a delivery's body, tolerant of the names a real envelope might use instead (`type` for `event`, `event_id`
 * for `id`, the payload at the top level); undefined when it names no event or no id.
 */
export function parseDelivery(body: unknown, subscribedEvent?: WebhookEvent): WebhookDelivery | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const raw = body as Record<string, unknown>;
	const event = String(raw.event ?? raw.type ?? subscribedEvent ?? '') as WebhookEvent;
	const id = raw.id ?? raw.event_id ?? raw.delivery_id;
	if (!webhookEvents.includes(event) || (typeof id !== 'string' && typeof id !== 'number')) return undefined;
	const data = raw.data && typeof raw.data === 'object' ? (raw.data as Record<string, unknown>) : raw;
	return { id: String(id), event, created_at: typeof raw.created_at === 'string' ? raw.created_at : undefined, data };
}

/** A click delivered by `link.clicked`, in the polling trigger's shape. */
export type DeliveredClick = Click & { link_id: string; short_code: string; short_url: string };

function looksLikeLink(data: Record<string, unknown>): data is Link {
	return typeof data.short_code === 'string' && typeof data.original_url === 'string';
}

/**
 * The item a delivery becomes: for link events the link with its `short_url`; for `link.clicked` the click with its
 * link's id, short code and short URL. A delivery that names the link only by its code is completed by reading the
 * link (not for `link.deleted`: it is gone, so the delivery's own fields are all there is).
 */
export async function deliveryItem(delivery: WebhookDelivery, client: LinkkitClient): Promise<LinkWithUrl | DeliveredClick | Record<string, unknown>> {
	const { data, event } = delivery;
	if (event === 'link.clicked') {
		const click = (data.click && typeof data.click === 'object' ? data.click : data) as Click;
		const code = String(data.short_code ?? (data.link as Record<string, unknown> | undefined)?.short_code ?? '');
		const link = code ? await settle(() => client.links.get(code)) : undefined;
		if (link?.ok) return { ...click, link_id: link.value.id, short_code: link.value.short_code, short_url: link.value.short_url };
		// Only a link that is gone (deleted since the click) leaves the delivery's own fields; any other failure is
		// thrown, so the run fails visibly (and can be retried) instead of handing on a click whose short URL may lack
		// the link's custom domain.
		if (link && !link.ok && !isNotFound(link.error)) throw link.error;
		return { ...click, link_id: String(data.link_id ?? ''), short_code: code, short_url: code ? shortUrlOf({ short_code: code }) : '' };
	}
	if (looksLikeLink(data)) return withShortUrl(data);
	const code = typeof data.short_code === 'string' ? data.short_code : undefined;
	if (event !== 'link.deleted' && code) {
		const link = await settle(() => client.links.get(code));
		if (link.ok) return link.value;
		if (!isNotFound(link.error)) throw link.error;
	}
	return code ? { ...data, short_url: shortUrlOf({ short_code: code, custom_domain: data.custom_domain as string | null | undefined }) } : data;
}

/**
 * The ids of recently seen deliveries, oldest first, bounded: a retried delivery (same id) is recognised as long as
 * fewer than `capacity` other events came in between. Plain JSON, so a platform keeps it in its own state.
 */
export class RecentEvents {
	constructor(
		private readonly ids: string[] = [],
		private readonly capacity = 1_000,
	) {}

	/** Records the id; false when it was already there (a repeat). */
	remember(id: string): boolean {
		if (this.ids.includes(id)) return false;
		this.ids.push(id);
		if (this.ids.length > this.capacity) this.ids.splice(0, this.ids.length - this.capacity);
		return true;
	}

	toJSON(): string[] {
		return [...this.ids];
	}
}
