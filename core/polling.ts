/**
 * "What is new since last time?" for polling triggers, on Linkkit's lists as they really are: page/limit (at most
 * 100 a page) with `meta.total`, newest first, eventually consistent (docs/assumptions.md A15), and moving while they
 * are read. The rules every trigger shares live here; each kind of list has its own walk:
 *
 * - polling-ranged.ts: lists with `from`/`to` (a link's clicks, conversions): a frozen range read from its oldest page;
 * - polling-newest-first.ts: lists with no time filter (links by creation): read down from near the last mark;
 * - polling-scan.ts: lists not sorted by the event's time (links by update, segments): read whole every poll.
 *
 * Every walk keeps the same promises: the first poll only records a mark (history is never sent); each new item is
 * handed on once, oldest first; items at one instant are neither dropped nor repeated; an item is handed on only once
 * it is `SETTLE_MS` old by Linkkit's clock (its `Date` header), so an item a list shows late is never skipped; a burst
 * goes out in chunks of about `MAX_ITEMS_PER_POLL`, progress kept in the state; the state stays a few dozen bytes.
 *
 * Timestamps are compared in whole milliseconds (`Date.parse`), whatever precision Linkkit sends: items within one
 * millisecond are one "instant", and a chunk never ends inside an instant unless the mark names the ids handed there.
 *
 * Platform-neutral: the walks only call the page functions they are given.
 */

import { LinkkitError } from './errors';
import { SETTLE_MS } from './settle';

/** Items handed on per poll, about (a chunk ends at an instant or page boundary, so it may be a little longer). */
export const MAX_ITEMS_PER_POLL = 1_000;
/** Linkkit's largest page. */
export const POLL_PAGE_SIZE = 100;
/** Requests a poll of a ranged or newest-first list may make (a safety stop; progress is kept). */
export const MAX_PAGES_PER_POLL = 40;

/**
 * Everything a trigger handed on (or recorded as history): every item stamped before `at`, and of the items stamped
 * in `at`'s millisecond, those whose ids are listed. `ids` is empty unless a chunk ended inside an instant.
 */
export interface Mark {
	at: string;
	ids: string[];
}

/** The timestamp that orders an event's items, and the item's id. */
export interface Stamp {
	id: string;
	at: string;
}

/** One answer of a page/limit list. */
export interface ListAnswer<T> {
	data: T[];
	/** `meta.total`: how many items the whole list (with its filters) holds right now. */
	total?: number;
}

/** Linkkit's clock as its answers tell it, and the local one as a fallback before any answer carried a `Date`. */
export interface PollClock {
	serverNow(): number | undefined;
	now(): number;
}

export interface PollLimits {
	settleMs?: number;
	maxItems?: number;
	maxPages?: number;
	pageSize?: number;
	/**
	 * When the platform stops waiting for the poll (the poll clock's local time, ms): no page is read after it. A burst
	 * keeps what it handed on so far; a whole-list read that cannot finish says so.
	 */
	deadline?: number;
}

export interface PollOutcome<T, S> {
	/** New items, oldest first. */
	items: T[];
	state: S;
	/** True when more settled items are waiting (the next poll continues). */
	more: boolean;
}

export function resolvedLimits(limits: PollLimits = {}): Required<PollLimits> {
	return {
		settleMs: limits.settleMs ?? SETTLE_MS,
		maxItems: limits.maxItems ?? MAX_ITEMS_PER_POLL,
		maxPages: limits.maxPages ?? MAX_PAGES_PER_POLL,
		pageSize: limits.pageSize ?? POLL_PAGE_SIZE,
		deadline: limits.deadline ?? Infinity,
	};
}

/** True once the platform's time for this poll is up (see PollLimits.deadline). */
export function pastDeadline(clock: PollClock, deadline: number): boolean {
	return clock.now() >= deadline;
}

/** A timestamp in whole milliseconds; an unreadable one is Linkkit's error, not something to skip silently. */
export function instantOf(at: string): number {
	const ms = Date.parse(at);
	if (Number.isNaN(ms)) {
		throw new LinkkitError({ code: 'invalid_response', message: `Linkkit sent a list item with the timestamp "${at}", which is not a date.` });
	}
	return ms;
}

export const isoOf = (ms: number): string => new Date(ms).toISOString();

/** True when the item is not yet handed on (it is after the mark). */
export function isAfterMark(mark: Mark, stamp: Stamp): boolean {
	const at = instantOf(stamp.at);
	const markAt = instantOf(mark.at);
	return at > markAt || (at === markAt && !mark.ids.includes(stamp.id));
}

/**
 * The settle horizon: items stamped in a millisecond before it are old enough to be handed on. Read after the
 * poll's first answer: every later answer is made later still, so it shows at least as much.
 */
export function settleHorizon(clock: PollClock, settleMs: number): number {
	return Math.floor(clock.serverNow() ?? clock.now()) - settleMs;
}

/** A mark that hands on nothing before `ms` again. Never moves backwards. */
export function markAtLeast(mark: Mark, ms: number): Mark {
	const current = instantOf(mark.at);
	if (ms <= current) return mark;
	return { at: isoOf(ms), ids: [] };
}

/**
 * The first poll's mark: everything up to the newest item seen now, and everything older than the settle horizon
 * (items the list does not show yet may exist up to then), is history.
 */
export function firstMark(horizon: number, newest: Stamp | undefined): Mark {
	const newestMs = newest ? instantOf(newest.at) + 1 : -Infinity;
	return { at: isoOf(Math.max(horizon, newestMs)), ids: [] };
}

export interface Stamped<T> {
	item: T;
	ms: number;
	id: string;
	/** Tie-break within one millisecond: position in the list counted from its oldest end (higher = newer). */
	rank: number;
}

export function byOldestFirst<T>(a: Stamped<T>, b: Stamped<T>): number {
	return a.ms - b.ms || a.rank - b.rank;
}

/**
 * The oldest items up to `maxItems`, extended to the end of the last instant so a chunk never splits one: `cut` says
 * whether items were left for later, and `mark` is where the chunk ends (everything before it handed on).
 */
export function oldestChunk<T>(candidates: Array<Stamped<T>>, maxItems: number): { chunk: Array<Stamped<T>>; cut: boolean; endMs?: number } {
	const sorted = [...candidates].sort(byOldestFirst);
	if (sorted.length <= maxItems) return { chunk: sorted, cut: false };
	let end = Math.max(1, maxItems);
	while (end < sorted.length && sorted[end].ms === sorted[end - 1].ms) end++;
	if (end === sorted.length) return { chunk: sorted, cut: false };
	return { chunk: sorted.slice(0, end), cut: true, endMs: sorted[end - 1].ms + 1 };
}
