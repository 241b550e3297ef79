/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * How many items one poll returns. Zapier keeps no position for a polling trigger: each poll hands back the newest
 * items and Zapier runs the Zap for every id it has not seen before. So a poll must reach back over everything new
 * since the previous poll, however many arrived (a bulk create of 100 links, 120 clicks in a minute): it pages
 * through Linkkit's lists, 100 per request, up to POLL_CAP items. Loading samples in the editor needs only a few.
 */
import type { Bundle } from 'zapier-platform-core';
import { collect, type PaginateOptions } from '../../../core';

/**
 * Items per poll at most: five pages of 100 (five requests), far inside Zapier's 30 s step and its payload limits.
 * Zapier documents its own default throttle of 100 new items per poll; which of more new items it runs is Zapier's
 * rule, the app hands over every new one up to the cap.
 */
export const POLL_CAP = 500;
/** The Zap editor shows three items when a user tests the trigger. */
export const SAMPLE_POLL_SIZE = 3;

export function pollLimit(bundle: Bundle): number {
	if (bundle.meta?.isLoadingSample) return SAMPLE_POLL_SIZE;
	const limit = bundle.meta?.limit;
	if (typeof limit === 'number' && limit > 0) return Math.min(limit, POLL_CAP);
	return POLL_CAP;
}

/** The newest items of a Linkkit list for this poll, paging as needed, newest first as Linkkit lists them. */
export function newestForPoll<T>(bundle: Bundle, iterate: (options: PaginateOptions) => AsyncIterable<T>): Promise<T[]> {
	return collect(iterate({ limit: pollLimit(bundle) }));
}
