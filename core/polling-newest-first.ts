/**
 * New items of a newest-first list with no time filter (links, by `created_at`): page 1 holds the newest, and the
 * items the trigger has not handed on yet are the ones above the first item at or before its mark (the boundary).
 *
 * A poll reads page 1 first (Linkkit's clock, the total, and most of the time everything new). When more is new than
 * page 1 holds, the oldest new items sit just above the boundary, deep in the list: the poll starts reading about
 * `maxItems` items above it and walks down to it (polling-walk.ts keeps that walk whole while the list moves), then
 * hands on the settled new items below the first one it read, oldest first. Where to start comes from `below`, the
 * number of items at or before the mark at the last poll: new items are added at the top, so the boundary is still
 * that many items from the bottom (fewer when old items were deleted, which only makes the walk a little longer).
 * Without it, or when it proves wrong, the boundary is found by reading pages further and further down, then halving.
 */

import { isLastPage, walkDown, type Walk, type WalkedItem } from './polling-walk';
import {
	firstMark,
	instantOf,
	isAfterMark,
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

export interface NewestFirstFeed<T> {
	/** One page, newest first, with `meta.total`. */
	read(page: number, limit: number): Promise<ListAnswer<T>>;
	stamp(item: T): Stamp;
	clock: PollClock;
}

export interface NewestFirstState {
	mark: Mark;
	/** Items at or before the mark at the last poll: where to look for the boundary. A hint, never trusted. */
	below?: number;
}

/** The first poll: one request, and the mark is the newest item (or the settle horizon, whichever is later). */
export async function markNewestFirst<T>(feed: NewestFirstFeed<T>, limits: PollLimits = {}): Promise<NewestFirstState> {
	const { settleMs, pageSize } = resolvedLimits(limits);
	const answer = await feed.read(1, pageSize);
	const mark = firstMark(settleHorizon(feed.clock, settleMs), answer.data[0] && feed.stamp(answer.data[0]));
	return { mark, below: belowFromPage(feed, answer, 1, pageSize, mark) };
}

/** Items at or before `mark`, from one page that shows the boundary (undefined when it does not). */
function belowFromPage<T>(feed: NewestFirstFeed<T>, answer: ListAnswer<T>, page: number, limit: number, mark: Mark): number | undefined {
	if (answer.total === undefined) return undefined;
	const index = answer.data.findIndex((item) => !isAfterMark(mark, feed.stamp(item)));
	if (index >= 0) return answer.total - ((page - 1) * limit + index);
	return answer.data.length < limit ? 0 : undefined;
}

export async function pollNewestFirst<T>(feed: NewestFirstFeed<T>, state: NewestFirstState, limits: PollLimits = {}): Promise<PollOutcome<T, NewestFirstState>> {
	const { settleMs, maxItems, maxPages, pageSize: limit, deadline } = resolvedLimits(limits);
	const mark = state.mark;
	const isOld = (item: T) => !isAfterMark(mark, feed.stamp(item));
	let requests = 0;
	let lastTotal: number | undefined;
	const read = async (page: number) => {
		requests++;
		const answer = await feed.read(page, limit);
		lastTotal = answer.total ?? lastTotal;
		return answer;
	};
	const outOfTime = () => pastDeadline(feed.clock, deadline);
	// Where the boundary was found, kept even when this poll cannot hand anything on, so the next starts there.
	let learnedBelow: number | undefined;

	const first = await read(1);
	const horizon = settleHorizon(feed.clock, settleMs);
	const total = first.total;
	const nothing = (): PollOutcome<T, NewestFirstState> => ({ items: [], state: learnedBelow === undefined ? state : { ...state, below: learnedBelow }, more: true });

	// Everything new is on page 1 (the usual poll), or the list gives no total to find the boundary by: walk from the top.
	let start = 0;
	if (!first.data.some(isOld) && !isLastPage(first, 1, limit) && total !== undefined) {
		const boundary = state.below !== undefined && state.below <= total ? total - state.below : await findBoundary();
		if (boundary === undefined) return nothing();
		// One item more than a chunk: when the chunk's oldest items end an instant's group, the item above shows it.
		start = Math.max(0, boundary - maxItems - 1);
	}

	// Each pass reads from `start` down to the boundary, or down to the items an earlier pass of this poll read (those
	// are still whole: the list only gained items at the top since, or lost some, which needs no second look). A pass
	// that starts inside one instant's group of items moves up and reads the pages above; one that starts below the
	// boundary (the hint was wrong) looks for the boundary again and starts over.
	const seen = new Map<string, WalkedItem<T>>();
	let endOfList = false;
	// A chunk's pages, the part page above it, and a little room for links added while reading.
	const pagesPerPass = Math.ceil((maxItems + 1) / limit) + 3;
	// One instant shared by more items than a chunk must be read whole before any of it goes out: the passes that read
	// it may go past the poll's budget (up to ten times it), or the trigger would stop there for good.
	let budget = maxPages;
	for (;;) {
		const startPage = Math.floor(start / limit) + 1;
		const walk: Walk<T> = await walkDown({
			read,
			idOf: (item) => feed.stamp(item).id,
			limit,
			startPage,
			maxPages: Math.max(0, Math.min(budget - requests, pagesPerPass)),
			stopAt: (item) => isOld(item) || seen.has(feed.stamp(item).id),
			firstAnswer: startPage === 1 ? first : undefined,
			outOfTime,
		});
		if (!walk.complete) {
			// The boundary is further down than thought (old items were deleted, or many added meanwhile): look for it
			// below the last page read, and start over from there.
			const boundary = requests < budget && !outOfTime() ? await findBoundary(walk.lastPage) : undefined;
			if (boundary === undefined) return nothing();
			start = Math.max(0, boundary - maxItems - 1);
			seen.clear();
			continue;
		}
		if (startPage > 1 && walk.top !== undefined && isOld(walk.top)) {
			// Started below the boundary: look for it again, and start over.
			const boundary = await findBoundary();
			if (boundary === undefined || start === 0) return nothing();
			start = Math.max(0, Math.min(start - limit, boundary - maxItems));
			seen.clear();
			continue;
		}
		for (const [id, entry] of walk.items) seen.set(id, entry);
		endOfList ||= walk.stoppedAt === undefined;
		// The walks vouch for the items below the first one read; from page 1, for everything.
		const topMs = startPage === 1 || walk.top === undefined ? Infinity : instantOf(feed.stamp(walk.top).at);
		const limitMs = Math.min(horizon, topMs);
		const candidates: Array<Stamped<T>> = [];
		for (const { item, fromBottom } of seen.values()) {
			const stamp = feed.stamp(item);
			const ms = instantOf(stamp.at);
			if (ms < limitMs && isAfterMark(mark, stamp)) candidates.push({ item, ms, id: stamp.id, rank: fromBottom });
		}
		if (candidates.length === 0 && topMs <= horizon && start > 0) {
			// The first item read shares its instant with items above it, and nothing below it is new: start higher.
			budget = Math.min(maxPages * 10, Math.max(budget, requests + pagesPerPass));
			start = Math.max(0, start - maxItems);
			continue;
		}
		const { chunk, cut, endMs } = oldestChunk(candidates, maxItems);
		const next = cut ? markAtLeast(mark, endMs as number) : markAtLeast(mark, limitMs);
		const below = belowOf(next, endOfList);
		return {
			items: chunk.map((entry) => entry.item),
			state: below === undefined ? { mark: next } : { mark: next, below },
			more: cut || (topMs !== Infinity && topMs <= horizon),
		};
	}

	/** How many items were at or before `next` when read: the highest such item's position from the bottom, plus one. */
	function belowOf(next: Mark, endOfList: boolean): number | undefined {
		let highest = -1;
		for (const { item, fromBottom } of seen.values()) {
			if (!isAfterMark(next, feed.stamp(item)) && fromBottom > highest) highest = fromBottom;
		}
		if (highest >= 0) return highest + 1;
		return endOfList ? 0 : state.below;
	}

	/**
	 * The offset (from the top) of the first old item, found by reading pages further and further below a page known to
	 * hold only new items (1, 2, 4, … pages on) until one holds an old item or ends the list, then halving between the
	 * last all-new page and that one. Approximate while the list moves; the
	 * walk that follows checks it.
	 */
	async function findBoundary(allNewPage = 1): Promise<number | undefined> {
		const boundary = await searchBoundary(allNewPage);
		if (boundary !== undefined && lastTotal !== undefined) learnedBelow = Math.max(0, lastTotal - boundary);
		return boundary;
	}

	async function searchBoundary(allNewPage: number): Promise<number | undefined> {
		let newPage = allNewPage;
		let oldPage: number | undefined;
		let step = 1;
		let probe = newPage + step;
		while (oldPage === undefined) {
			if (requests >= maxPages || outOfTime()) return undefined;
			const answer = await read(probe);
			const index = answer.data.findIndex(isOld);
			if (index >= 0 && (index > 0 || probe === newPage + 1)) return (probe - 1) * limit + index;
			if (index === 0) oldPage = probe;
			else if (answer.data.length < limit) return (probe - 1) * limit + answer.data.length;
			else {
				newPage = probe;
				step *= 2;
				probe = newPage + step;
			}
		}
		while (oldPage - newPage > 1) {
			if (requests >= maxPages || outOfTime()) return undefined;
			const middle = Math.floor((newPage + oldPage) / 2);
			const answer = await read(middle);
			const index = answer.data.findIndex(isOld);
			if (index > 0) return (middle - 1) * limit + index;
			if (index === 0) oldPage = middle;
			else if (answer.data.length < limit) return (middle - 1) * limit + answer.data.length;
			else newPage = middle;
		}
		return (oldPage - 1) * limit;
	}
}
