/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * Zapier may run an action again (automatic replay, a retried step). The Idempotency-Key lets Linkkit answer the
 * repeat with the first result instead of creating a second link. zapier-platform-core 19 gives a perform no run or
 * step id (`bundle.meta` holds only isBulkRead, isFillingDynamicDropdown, isLoadingSample, isPopulatingDedupe,
 * isTestingAuth, limit, page, withSearch, timezone, paging_token, inputFields and the deprecated `zap.id`), and Zapier
 * documents nothing stable across a step's automatic retries. So the key is derived from the Zap and the exact input:
 * the same Zap sending the same input within Linkkit's 24 h window gets the first result back, even from a different
 * trigger event. The creates say so in their descriptions (`repeatNote`), so users can add something that differs per
 * run. Without a Zap id (e.g. a test from the editor) the core's random per-call key still covers retries inside the call.
 */
import type { Bundle } from 'zapier-platform-core';
import { deriveIdempotencyKey, stableJson } from '../../core';

export function zapIdempotencyKey(bundle: Bundle, action: string): string | undefined {
	const zapId = bundle.meta?.zap?.id;
	if (!zapId) return undefined;
	return deriveIdempotencyKey('zapier', action, String(zapId), stableJson(bundle.inputData));
}

/** The sentence each create's description ends with, so users know what identical input within 24 h does. */
export function repeatNote(noun: string): string {
	return (
		`If this Zap sends exactly the same input again within 24 hours, you get back the ${noun} it already created instead of a second one ` +
		'(so a retried step never makes a duplicate). To create a new one each time, include something that changes per run.'
	);
}
