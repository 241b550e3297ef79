/**
 * A poll of a "new/updated item" event: first activation records the mark, later polls emit what is new
 * (oldest first), manual "Fetch Test Event" shows the newest item without touching the mark.
 */

import { advance, collectSince, EMPTY_MARK, markFromNewest, type HighWaterMark } from '../../core/polling';
import type { Feed, FeedItem } from './feeds';

/** What the trigger keeps in the workflow's static data. `key` ties the mark to the event and its filters. */
export interface FeedState {
	key: string;
	mark: HighWaterMark;
}

/** Enough to see every item at the newest instant when recording the first mark, still one request. */
const FIRST_LOOK = 100;

export async function newestItem(feed: Feed): Promise<FeedItem | undefined> {
	const page = await feed.page(undefined, undefined, 20);
	return page.data.find((item) => feed.keep?.(item) ?? true);
}

export async function pollFeed(
	feed: Feed,
	key: string,
	state: FeedState | undefined,
): Promise<{ items: FeedItem[]; state: FeedState }> {
	if (!state || state.key !== key) {
		// First activation (or the event/filters changed): history is not news.
		const page = await feed.page(undefined, undefined, FIRST_LOOK);
		const mark = page.data.length ? markFromNewest(page.data, feed.stamp) : (feed.emptyMark ?? EMPTY_MARK);
		return { items: [], state: { key, mark } };
	}
	const since = await collectSince((cursor, limit) => feed.page(state.mark, cursor, limit));
	const { fresh, mark } = advance(state.mark, since, feed.stamp);
	return { items: fresh.filter((item) => feed.keep?.(item) ?? true), state: { key, mark } };
}
