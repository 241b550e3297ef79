/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * Zapier may run an action again (automatic replay, a retried step). The Idempotency-Key lets Linkkit answer the
 * repeat with the first result instead of creating a second link. Zapier gives no run id to apps, so the key is
 * derived from the Zap and the exact input: the same Zap sending the same input within Linkkit's 24 h window gets
 * the first result back, which for a link shortener is the link that was asked for. Without a Zap id (e.g. a test
 * from the editor) the core's random per-call key still covers retries inside the call.
 */
import type { Bundle } from 'zapier-platform-core';
import { deriveIdempotencyKey } from '../../core';

/** JSON with sorted keys, so the same input always hashes the same whatever order Zapier sent it in. */
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

export function zapIdempotencyKey(bundle: Bundle, action: string): string | undefined {
	const zapId = bundle.meta?.zap?.id;
	if (!zapId) return undefined;
	return deriveIdempotencyKey('zapier', action, String(zapId), stableJson(bundle.inputData));
}
