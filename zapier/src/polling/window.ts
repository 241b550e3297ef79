/**
 * Which items one poll hands to Zapier. Zapier runs the Zap for every id of a poll it has not seen before, and holds
 * a poll that brings more than 100 new ones (its flood protection). So a poll returns at most WINDOW items, newest
 * first, ending at the feed's position:
 *  - in the usual case (fewer than WINDOW new items since the last poll) the position moves to the newest item and
 *    the poll returns the newest WINDOW items — the new ones plus items Zapier has already seen, which it ignores;
 *  - after a burst (more new items than that) the position moves on by WINDOW items only, oldest first, and the
 *    poll returns exactly those; the next polls continue from there until the burst is handed on.
 * A poll therefore never holds more than WINDOW new items, whatever Zapier has seen, and nothing is skipped.
 * Pure: reading the items and keeping the position are the caller's.
 */
import { compareStamps, type Stamp } from './stamp';

/** Items per poll at most: Zapier's limit of new items per poll. */
export const POLL_WINDOW = 100;

export interface PollWindow<T> {
	/** Newest first. */
	items: T[];
	/** The newest item handed on, to continue from next time (undefined: nothing was ever there). */
	position: Stamp | undefined;
}

/**
 * `candidates` are settled items, in any order, that include every item after `position` up to the oldest
 * `size` of them, contiguously (the caller reads that part of the list). Without a position, the newest count.
 */
export function pollWindow<T>(candidates: readonly T[], stampOf: (item: T) => Stamp, position: Stamp | undefined, size = POLL_WINDOW): PollWindow<T> {
	const newestFirst = [...candidates].sort((a, b) => compareStamps(stampOf(b), stampOf(a)));
	if (!position) {
		const items = newestFirst.slice(0, size);
		return { items, position: items.length ? stampOf(items[0]) : undefined };
	}
	const after = newestFirst.filter((item) => compareStamps(stampOf(item), position) > 0);
	// The oldest `size` of the new items: a burst is handed on in order, a window at a time.
	const chunk = after.slice(Math.max(0, after.length - size));
	const next = chunk.length ? stampOf(chunk[0]) : position;
	const items = newestFirst.filter((item) => compareStamps(stampOf(item), next) <= 0).slice(0, size);
	return { items, position: next };
}
