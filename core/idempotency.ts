/**
 * Idempotency keys make a create safe to send again. Platforms derive a stable key from what stays
 * the same when they re-run a step (n8n: execution, node, item; Zapier: the Zap run); when they
 * have nothing stable, a random key still protects the retries inside one call.
 */

import { createHash, randomUUID } from 'crypto';

export function newIdempotencyKey(): string {
	return `lk-${randomUUID()}`;
}

/** A stable key from parts that identify one logical create; the parts themselves are not revealed. */
export function deriveIdempotencyKey(...parts: Array<string | number | undefined>): string {
	const material = parts.map((p) => String(p ?? '')).join('\u001f');
	return `lk-${createHash('sha256').update(material).digest('hex').slice(0, 40)}`;
}
