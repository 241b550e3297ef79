/**
 * "What is new since last time?" for polling triggers (n8n's Linkkit Trigger; Zapier's triggers can use it too).
 *
 * A high-water mark is the newest timestamp seen plus the IDs seen at exactly that timestamp. The timestamp alone
 * is not enough: two links created in the same instant, one seen by the last poll and one created a moment later
 * with the same timestamp, must end up emitted once each. So a poll asks for items at or after the mark, drops the
 * IDs the mark already holds, and moves the mark forward.
 *
 * Platform-neutral and pure except `collectSince`, which only calls the page function it is given.
 */

import type { Page } from './pagination';

export interface HighWaterMark {
	/** ISO timestamp of the newest item seen so far. */
	at: string;
	/** IDs of the items whose timestamp is exactly `at`, already emitted (or recorded as history). */
	ids: string[];
}

/** The mark of an account that had no items yet: everything that appears later is new. */
export const EMPTY_MARK: HighWaterMark = { at: new Date(0).toISOString(), ids: [] };

export interface Stamped {
	id: string;
	at: string;
}

/**
 * Linkkit's `createdAfter`/`updatedAfter` are strict ("after"), so asking from 1 ms before the mark brings back the
 * items at the mark's own instant too; `advance` then drops those already seen. Timestamps have millisecond
 * precision at best, so nothing falls between.
 */
export function strictAfterForMark(mark: HighWaterMark): string {
	return new Date(Date.parse(mark.at) - 1).toISOString();
}

function compareOldestFirst(a: Stamped, b: Stamped): number {
	const byTime = Date.parse(a.at) - Date.parse(b.at);
	if (byTime !== 0) return byTime;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Picks the new items out of what the API returned for "at or after the mark" and computes the next mark.
 * New items come back oldest first: downstream steps (a sheet row per link, a message per click) then see events
 * in the order they happened, as a person reading a log would expect.
 */
export function advance<T>(
	mark: HighWaterMark,
	items: readonly T[],
	stamp: (item: T) => Stamped,
): { fresh: T[]; mark: HighWaterMark } {
	const markMs = Date.parse(mark.at);
	const seen = new Set(mark.ids);
	const stamped = items.map((item) => ({ item, s: stamp(item) }));
	const fresh = stamped
		.filter(({ s }) => {
			const ms = Date.parse(s.at);
			return ms > markMs || (ms === markMs && !seen.has(s.id));
		})
		.sort((a, b) => compareOldestFirst(a.s, b.s));

	let nextAt = mark.at;
	let nextMs = markMs;
	for (const { s } of stamped) {
		const ms = Date.parse(s.at);
		if (ms > nextMs) {
			nextMs = ms;
			nextAt = s.at;
		}
	}
	const ids = new Set(nextMs === markMs ? mark.ids : []);
	for (const { s } of stamped) if (Date.parse(s.at) === nextMs) ids.add(s.id);
	return { fresh: fresh.map(({ item }) => item), mark: { at: nextAt, ids: [...ids].sort() } };
}

/** The mark that records an account's current newest items as history, from a newest-first first page. */
export function markFromNewest<T>(newestFirst: readonly T[], stamp: (item: T) => Stamped): HighWaterMark {
	return advance(EMPTY_MARK, newestFirst, stamp).mark;
}

export interface CollectOptions {
	/** Size of the first request. Small, because most polls find nothing new. */
	firstPageSize?: number;
	/** Size of every further request during a burst. */
	pageSize?: number;
	/** Safety stop for a server that keeps handing out cursors. */
	maxPages?: number;
}

/**
 * Fetches every item of a filtered query ("at or after the mark"), newest first: one request when the first page is
 * not full (the usual "nothing new" poll, whatever the account's size), more only during a burst.
 */
export async function collectSince<T>(
	fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>,
	options: CollectOptions = {},
): Promise<T[]> {
	const firstPageSize = options.firstPageSize ?? 20;
	const pageSize = options.pageSize ?? 100;
	const maxPages = options.maxPages ?? 1_000;
	const items: T[] = [];
	let cursor: string | undefined;
	for (let pages = 0; pages < maxPages; pages++) {
		const limit = pages === 0 ? firstPageSize : pageSize;
		const page = await fetchPage(cursor, limit);
		items.push(...page.data);
		if (!page.nextCursor || page.data.length === 0) return items;
		cursor = page.nextCursor;
	}
	// Newest-first pages cannot be resumed part-way without losing the older half, so refuse loudly instead.
	throw new Error(`More than ${maxPages} pages of new items since the last check; stopped to protect the account's rate limit.`);
}
