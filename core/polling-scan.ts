/**
 * Events found by reading a whole list every poll, for lists not sorted by the event's time: links changed since the
 * mark (Linkkit sorts links by `created_at`, so a change can be on any page) and segments created since the mark
 * (Linkkit returns them whole, by name). A poll costs one request per page of the list, whatever is new.
 *
 * The walk down the pages keeps itself whole while the list moves (polling-walk.ts). Of what it read, the events
 * after the mark and before the settle horizon are handed on, oldest first, in chunks; the state is the mark alone.
 */

import { LinkkitError } from './errors';
import { walkDown } from './polling-walk';
import {
	byOldestFirst,
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

export interface ScanFeed<T> {
	/** One page of the list, with `meta.total`; a list Linkkit returns whole answers it all for page 1. */
	read(page: number, limit: number): Promise<ListAnswer<T>>;
	/** The event's time (e.g. `updated_at`) and the item's id. */
	stamp(item: T): Stamp;
	/** Whether the item is an event at all (a link never changed after its creation is no "update"). */
	isEvent?(item: T): boolean;
	clock: PollClock;
	/** Items per request: Linkkit's 100, or more for a list answered whole. */
	pageSize?: number;
}

export interface ScanState {
	mark: Mark;
}

/** A list of more pages than this is not scanned every poll (a million links at 100 a page). */
export const MAX_SCAN_PAGES = 10_000;

/**
 * Reads the whole list. The horizon is taken at the first answer: a page read later shows at least as much, while a
 * horizon taken at the end of a long scan would count as settled a change made after its page was read.
 */
async function scan<T>(feed: ScanFeed<T>, limits: PollLimits) {
	const { settleMs, pageSize, deadline } = resolvedLimits(limits);
	const limit = feed.pageSize ?? pageSize;
	let horizon: number | undefined;
	const read = async (page: number, size: number) => {
		const answer = await feed.read(page, size);
		horizon ??= settleHorizon(feed.clock, settleMs);
		return answer;
	};
	const outOfTime = () => pastDeadline(feed.clock, deadline);
	const walk = await walkDown({ read, idOf: (item) => feed.stamp(item).id, limit, startPage: 1, maxPages: MAX_SCAN_PAGES, outOfTime });
	if (!walk.complete) {
		const why = outOfTime() ? 'the time a check may take ran out' : 'the list is too long to read every check, or kept changing while it was read';
		throw new LinkkitError({
			code: 'invalid_response',
			message: `Stopped reading the list after ${walk.requests} pages (${walk.requests * limit} items): ${why}. Watch a segment to read fewer links.`,
		});
	}
	const events: Array<Stamped<T>> = [];
	for (const { item, fromBottom } of walk.items.values()) {
		if (feed.isEvent && !feed.isEvent(item)) continue;
		const stamp = feed.stamp(item);
		events.push({ item, ms: instantOf(stamp.at), id: stamp.id, rank: fromBottom });
	}
	return { events, horizon: horizon as number };
}

/** The newest event of the whole list, settled or not ("Fetch Test Event"). */
export async function newestScanned<T>(feed: ScanFeed<T>, limits: PollLimits = {}): Promise<T | undefined> {
	const { events } = await scan(feed, limits);
	return events.reduce<Stamped<T> | undefined>((best, entry) => (!best || byOldestFirst(best, entry) < 0 ? entry : best), undefined)?.item;
}

/** The first poll: one whole read, and the mark is the newest event (or the settle horizon, whichever is later). */
export async function markScan<T>(feed: ScanFeed<T>, limits: PollLimits = {}): Promise<ScanState> {
	const { events, horizon } = await scan(feed, limits);
	const newest = events.reduce<Stamped<T> | undefined>((best, entry) => (!best || byOldestFirst(best, entry) < 0 ? entry : best), undefined);
	return { mark: firstMark(horizon, newest && feed.stamp(newest.item)) };
}

export async function pollScan<T>(feed: ScanFeed<T>, state: ScanState, limits: PollLimits = {}): Promise<PollOutcome<T, ScanState>> {
	const { maxItems } = resolvedLimits(limits);
	const { events, horizon } = await scan(feed, limits);
	const candidates = events.filter((entry) => entry.ms < horizon && isAfterMark(state.mark, feed.stamp(entry.item)));
	const { chunk, cut, endMs } = oldestChunk(candidates, maxItems);
	return {
		items: chunk.map((entry) => entry.item),
		state: { mark: markAtLeast(state.mark, cut ? (endMs as number) : horizon) },
		more: cut,
	};
}
