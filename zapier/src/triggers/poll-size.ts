/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * How many items one poll returns. Zapier dedupes by `id`, so a poll returns the newest page; when Zapier says how
 * many it wants (`meta.limit`) we ask for that, and loading samples in the editor needs only a few.
 */
import type { Bundle } from 'zapier-platform-core';
import { MAX_PAGE_SIZE } from '../../../core';

export const DEFAULT_POLL_SIZE = 50;
export const SAMPLE_POLL_SIZE = 3;

export function pollSize(bundle: Bundle): number {
	const limit = bundle.meta?.limit;
	if (typeof limit === 'number' && limit > 0) return Math.min(limit, MAX_PAGE_SIZE);
	return bundle.meta?.isLoadingSample ? SAMPLE_POLL_SIZE : DEFAULT_POLL_SIZE;
}
