/**
 * Idempotency keys make a create safe to send again. Platforms derive a stable key from what stays
 * the same when they re-run a step (n8n: execution, node, item; Zapier: the Zap run); when they
 * have nothing stable, a random key still protects the retries inside one call.
 */

import { createHash, randomUUID } from 'crypto';

export function newIdempotencyKey(): string {
	return `lk-${randomUUID()}`;
}

/**
 * JSON with object keys sorted and undefined members left out, so the same value always gives the same text whatever
 * order its keys were built in (used to fold a request's content into a key).
 */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** A stable key from parts that identify one logical create; the parts themselves are not revealed. */
export function deriveIdempotencyKey(...parts: Array<string | number | undefined>): string {
	const material = parts.map((p) => String(p ?? '')).join('\u001f');
	return `lk-${createHash('sha256').update(material).digest('hex').slice(0, 40)}`;
}
