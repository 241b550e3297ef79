/**
 * "What is new since last time?" for polling triggers, on an API whose lists are eventually consistent.
 *
 * A trigger keeps a position: the (timestamp, id) of the last item it handed on, in the order Linkkit sorts lists
 * (timestamp, ties by id). Each poll reads oldest first from that instant and hands on every item after the
 * position, but only items whose timestamp is at least `SETTLE_MS` older than Linkkit's clock (its `Date` header):
 * Linkkit may show a new item in lists a few seconds after its timestamp, and an item that turns up late behind
 * the position would otherwise be missed for good. Waiting for items to settle keeps the state to one position,
 * whatever the workflow's age, instead of a growing list of IDs.
 *
 * A burst is handed on in chunks of about `MAX_ITEMS_PER_POLL`; the poll then saves Linkkit's page cursor with the
 * position, so the next poll continues where this one stopped instead of reading the same pages again.
 *
 * Platform-neutral and pure except `pollSince`, which only calls the page function it is given.
 */

import type { Page } from './pagination';

export interface Stamped {
	id: string;
	/** ISO timestamp that orders the feed (createdAt, updatedAt or a click's timestamp). */
	at: string;
}

/** The last item handed on (or recorded as history at activation). */
export type FeedPosition = Stamped;

export interface FeedState {
	position: FeedPosition;
	/** Where a poll that stopped at its chunk limit left off: Linkkit's cursor for the query from `from`. */
	resume?: { from: string; cursor: string };
}

/**
 * How long after its timestamp an item must be before a trigger hands it on. Linkkit may show an item in lists up to
 * 10 s after its timestamp; the `Date` header is whole seconds, and one more second covers the time a list takes.
 */
export const SETTLE_MS = 12_000;
/** Items handed on per poll at most (a chunk may end up to one page longer: chunks end at page boundaries). */
export const MAX_ITEMS_PER_POLL = 1_000;
/** Requests one poll may make (a safety stop that still saves progress). */
export const MAX_PAGES_PER_POLL = 20;

/** The position of an account that had no items yet: everything that appears later is new. */
export const START_OF_TIME: FeedPosition = { at: new Date(0).toISOString(), id: '' };

/** Linkkit's list order: timestamp, then id compared as strings. */
export function comparePositions(a: Stamped, b: Stamped): number {
	const byTime = Date.parse(a.at) - Date.parse(b.at);
	if (byTime !== 0) return byTime;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Linkkit's `createdAfter`/`updatedAfter` are strict ("after"), so asking from 1 ms before an instant brings back
 * the items at that instant too. Timestamps have millisecond precision at best, so nothing falls between.
 */
export function strictlyAfterForInstant(at: string): string {
	return new Date(Date.parse(at) - 1).toISOString();
}

export interface PollFeed<T> {
	stamp(item: T): Stamped;
	/** One page, oldest first, of the items stamped at or after `from`. */
	since(from: string, cursor: string | undefined, limit: number): Promise<Page<T>>;
	/** Items of the list that are not events of this feed (e.g. a never-edited link in "Updated Link"). */
	keep?(item: T): boolean;
	/** Linkkit's clock as of its latest answer, when known; the local clock is used otherwise. */
	serverNow(): number | undefined;
	now(): number;
}

export interface PollOptions {
	settleMs?: number;
	maxItems?: number;
	maxPages?: number;
	/** Size of the first request: most polls find little. */
	firstPageSize?: number;
	pageSize?: number;
}

export interface PollResult<T> {
	/** New items, oldest first. */
	items: T[];
	state: FeedState;
	/** True when the poll stopped at its limits with more settled items waiting. */
	more: boolean;
}

function isRefusedCursor(error: unknown): boolean {
	return (error as { status?: number } | undefined)?.status === 400;
}

/** Reads what is new after `state.position`, oldest first, up to the settle horizon and the chunk limits. */
export async function pollSince<T>(feed: PollFeed<T>, state: FeedState, options: PollOptions = {}): Promise<PollResult<T>> {
	const settleMs = options.settleMs ?? SETTLE_MS;
	const maxItems = options.maxItems ?? MAX_ITEMS_PER_POLL;
	const maxPages = options.maxPages ?? MAX_PAGES_PER_POLL;
	const firstPageSize = options.firstPageSize ?? 20;
	const pageSize = options.pageSize ?? 100;

	const from = state.resume?.from ?? state.position.at;
	let cursor = state.resume?.cursor;
	let position = state.position;
	let horizon: number | undefined;
	const items: T[] = [];
	// `resumeAt`: the cursor the next poll starts from. After a burst, that is where this poll stopped; after the end
	// of the list, the cursor of the last page read, so a group of many items at one instant is not read again.
	const done = (more: boolean, resumeAt: string | undefined): PollResult<T> => ({
		items,
		more,
		state: resumeAt ? { position, resume: { from, cursor: resumeAt } } : { position },
	});

	for (let pages = 0; pages < maxPages; pages++) {
		const pageCursor = cursor;
		// A poll that continues from a cursor asks for full pages at once.
		const answer = await feed.since(from, cursor, cursor ? pageSize : firstPageSize).then(
			(page) => ({ page, failure: undefined }),
			(failure: unknown) => ({ page: undefined, failure }),
		);
		if (!answer.page) {
			// A saved cursor Linkkit no longer accepts: start again from the position (a few items are read twice).
			if (pages === 0 && state.resume && isRefusedCursor(answer.failure)) return await pollSince(feed, { position: state.position }, options);
			throw answer.failure;
		}
		const page: Page<T> = answer.page;
		// Fixed by the first answer: every later page is read later still, so it sees at least as much.
		horizon ??= (feed.serverNow() ?? feed.now()) - settleMs;
		for (const item of page.data) {
			const stamp = feed.stamp(item);
			if (comparePositions(stamp, position) <= 0) continue;
			if (Date.parse(stamp.at) > horizon) return done(false, pageCursor);
			position = stamp;
			if (feed.keep?.(item) ?? true) items.push(item);
		}
		if (!page.nextCursor || page.data.length === 0) return done(false, pageCursor);
		cursor = page.nextCursor;
		if (items.length >= maxItems) return done(true, cursor);
	}
	return done(true, cursor);
}
