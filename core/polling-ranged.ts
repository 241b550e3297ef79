/**
 * New items of a newest-first list that takes `from` and `to` (a link's clicks, conversions; both inclusive).
 *
 * A poll first asks for page 1 of everything from the mark on: one request, which usually holds all there is. When it
 * does not, the poll freezes a range, from the mark to the settle horizon, and reads it from its oldest page upwards.
 * Nothing new can enter that range any more (its items are settled), so its pages keep their contents: every page is
 * read once, oldest first, and a burst is handed on in chunks of about `maxItems`, the range and the next page kept in
 * the state so the next poll continues where this one stopped. Should the range's total change anyway (items deleted,
 * or shown later than the settle time allows), the walk is dropped and the next starts at the mark, which always
 * says exactly what was handed on.
 *
 * Timestamps may carry finer precision than milliseconds: the walk hands on only items before the horizon's
 * millisecond, and the mark then moves to that millisecond, so an item within it is neither lost nor repeated.
 */

import { LinkkitError } from './errors';
import {
	firstMark,
	instantOf,
	isAfterMark,
	isoOf,
	markAtLeast,
	oldestChunk,
	pastDeadline,
	resolvedLimits,
	settleHorizon,
	type ListAnswer,
	type Mark,
	type PollClock,
	type PollLimits,
	type PollOutcome,
	type Stamp,
	type Stamped,
} from './polling';

export interface TimeRange {
	from?: string;
	to?: string;
}

export interface RangedFeed<T> {
	/** One page, newest first, of the items stamped within `range` (both ends inclusive), with `meta.total`. */
	read(range: TimeRange, page: number, limit: number): Promise<ListAnswer<T>>;
	stamp(item: T): Stamp;
	clock: PollClock;
}

/** A frozen range being read from its oldest page up. */
export interface RangeWalk {
	from: string;
	to: string;
	/** Its total when the walk began: any other total means the range changed. */
	total: number;
	/** The next page to read (pages count from the newest end, so this goes down to 1). */
	next: number;
}

export interface RangedState {
	mark: Mark;
	walk?: RangeWalk;
}

/** The first poll: one request for the newest item (within `range`, e.g. a look-back), which with the horizon is the mark. */
export async function markRanged<T>(feed: RangedFeed<T>, range: TimeRange = {}, limits: PollLimits = {}): Promise<RangedState> {
	const { settleMs } = resolvedLimits(limits);
	const answer = await feed.read(range, 1, 1);
	return { mark: firstMark(settleHorizon(feed.clock, settleMs), answer.data[0] && feed.stamp(answer.data[0])) };
}

export async function pollRanged<T>(feed: RangedFeed<T>, state: RangedState, limits: PollLimits = {}): Promise<PollOutcome<T, RangedState>> {
	const { settleMs, maxItems, maxPages, pageSize: limit, deadline } = resolvedLimits(limits);
	let mark = state.mark;
	// A copy: the state given is the last one saved, and stays as it was should this poll fail.
	let walk = state.walk && { ...state.walk };
	let requests = 0;
	const items: T[] = [];
	const read = async (range: TimeRange, page: number) => {
		requests++;
		return await feed.read(range, page, limit);
	};
	const done = (): PollOutcome<T, RangedState> => ({ items, state: walk ? { mark, walk } : { mark }, more: walk !== undefined });

	while (requests < maxPages && items.length < maxItems && !pastDeadline(feed.clock, deadline)) {
		if (!walk) {
			const from = isoOf(instantOf(mark.at));
			const first = await read({ from }, 1);
			const horizon = settleHorizon(feed.clock, settleMs);
			if (horizon <= instantOf(mark.at)) return done();
			const total = totalOf(first);
			if (first.data.length >= total) {
				// Everything since the mark is on this page.
				handOn(rankedPage(first.data, total, 1), horizon);
				return done();
			}
			// More than a page: freeze [mark, horizon] and read it from its oldest page. Its total is at most the items
			// since the mark less the unsettled ones seen on page 1; the first answer of the walk says it exactly.
			const unsettled = first.data.filter((item) => instantOf(feed.stamp(item).at) > horizon).length;
			const estimate = Math.max(1, total - unsettled);
			walk = { from, to: isoOf(horizon), total: estimate, next: Math.ceil(estimate / limit) };
			if (!(await startWalk(walk))) return done();
			continue;
		}
		await continueWalk(walk);
	}
	return done();

	/** Reads the walk's first page, moving to the range's real oldest page once; false when there is none. */
	async function startWalk(range: RangeWalk): Promise<boolean> {
		for (let attempt = 0; attempt < 2 && requests < maxPages; attempt++) {
			const answer = await read(range, range.next);
			const total = totalOf(answer);
			const oldest = Math.max(1, Math.ceil(total / limit));
			range.total = total;
			if (oldest === range.next) {
				handPage(range, answer);
				return true;
			}
			range.next = oldest;
		}
		walk = undefined;
		return false;
	}

	/** Reads the walk's next page; when the range turned out to have changed, the walk is dropped (the mark is exact). */
	async function continueWalk(range: RangeWalk): Promise<void> {
		const answer = await read(range, range.next);
		if (answer.total !== range.total) walk = undefined;
		else handPage(range, answer);
	}

	/** Hands on a page of the frozen range (oldest first) and moves the mark to its top; the last page ends the walk. */
	function handPage(range: RangeWalk, answer: ListAnswer<T>): void {
		const horizon = instantOf(range.to);
		const page = range.next;
		const handed = handOn(rankedPage(answer.data, range.total, page), horizon, true);
		if (page <= 1) {
			mark = markAtLeast(mark, horizon);
			walk = undefined;
		} else {
			mark = topOfBlock(mark, handed);
			range.next = page - 1;
		}
	}

	/** `meta.total`, which a walk from the oldest page cannot do without (a short page is a whole list anyway). */
	function totalOf(answer: ListAnswer<T>): number {
		if (answer.total !== undefined) return answer.total;
		if (answer.data.length < limit) return answer.data.length;
		throw new LinkkitError({ code: 'invalid_response', message: 'Linkkit answered a list without meta.total, so the trigger cannot tell how many pages it has.' });
	}

	/** Ranks a page's items by position from the list's oldest end (pages count from the newest end). */
	function rankedPage(data: T[], total: number, page: number): Array<Stamped<T>> {
		return data.map((item, index) => {
			const stamp = feed.stamp(item);
			return { item, ms: instantOf(stamp.at), id: stamp.id, rank: total - 1 - ((page - 1) * limit + index) };
		});
	}

	/**
	 * Hands on the entries after the mark and before the horizon, oldest first. With `partOfWalk` the caller moves the
	 * mark; otherwise these are all the items since the mark, so the mark moves to the horizon (or to where a chunk cut).
	 */
	function handOn(entries: Array<Stamped<T>>, horizon: number, partOfWalk = false): Array<Stamped<T>> {
		const candidates = entries.filter((entry) => entry.ms < horizon && isAfterMark(mark, { id: entry.id, at: isoOf(entry.ms) }));
		if (partOfWalk) {
			const sorted = oldestChunk(candidates, Infinity).chunk;
			items.push(...sorted.map((entry) => entry.item));
			return sorted;
		}
		const { chunk, cut, endMs } = oldestChunk(candidates, maxItems - items.length);
		items.push(...chunk.map((entry) => entry.item));
		mark = markAtLeast(mark, cut ? (endMs as number) : horizon);
		return chunk;
	}
}

/** After handing on the oldest items of a frozen range up to some instant: the mark names the ids handed there. */
function topOfBlock<T>(mark: Mark, handed: Array<Stamped<T>>): Mark {
	if (handed.length === 0) return mark;
	const topMs = Math.max(...handed.map((entry) => entry.ms));
	const markMs = instantOf(mark.at);
	const ids = handed.filter((entry) => entry.ms === topMs).map((entry) => entry.id);
	if (topMs === markMs) return { at: mark.at, ids: [...new Set([...mark.ids, ...ids])] };
	return { at: isoOf(topMs), ids };
}
