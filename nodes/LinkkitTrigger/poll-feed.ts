/**
 * A poll of a "new/updated item" event: first activation records where things stand, later polls emit what is new
 * (oldest first, once each, in chunks during a burst), manual "Fetch Test Event" shows the newest item without
 * touching the state. The rule itself is the core's (`core/polling`).
 */

import type { LinkkitClient } from '../../core';
import { pollSince, START_OF_TIME, type FeedPosition, type FeedState } from '../../core/polling';
import type { Feed, FeedItem } from './feeds';

/** What the trigger keeps in the workflow's static data: a few short strings, however long the workflow runs. */
export interface TriggerFeedState extends FeedState {
	/** Ties the state to the event and its filters: a change starts over. */
	key: string;
}

/** The state of version 0.1.0 (newest timestamp and the IDs seen there), read once after an upgrade. */
interface OldMarkState {
	key: string;
	mark: { at: string; ids: string[] };
}

function upgraded(state: TriggerFeedState | OldMarkState | undefined): TriggerFeedState | undefined {
	if (!state || !('mark' in state) || 'position' in state) return state as TriggerFeedState | undefined;
	// Everything up to the mark was handed on; of the items at its instant, continue after the highest ID seen.
	const ids = [...state.mark.ids].sort();
	return { key: state.key, position: { at: state.mark.at, id: ids[ids.length - 1] ?? '' } };
}

export async function newestItem(feed: Feed): Promise<FeedItem | undefined> {
	const page = await feed.newest(20);
	return page.data.find((item) => feed.keep?.(item) ?? true);
}

export async function pollFeed(
	feed: Feed,
	client: LinkkitClient,
	key: string,
	stored: TriggerFeedState | OldMarkState | undefined,
	now: () => number,
): Promise<{ items: FeedItem[]; state: TriggerFeedState }> {
	const state = upgraded(stored);
	if (!state || state.key !== key) {
		// First activation (or the event/filters changed): history is not news. The newest item is the first in
		// Linkkit's order (ties by id, descending), so one item marks the position.
		const [newest] = (await feed.newest(1)).data;
		const position: FeedPosition = newest ? feed.stamp(newest) : (feed.emptyPosition ?? START_OF_TIME);
		return { items: [], state: { key, position } };
	}
	const result = await pollSince(
		{ stamp: feed.stamp, since: feed.since, keep: feed.keep, serverNow: () => client.http.serverDateMs, now },
		state,
	);
	return { items: result.items, state: { key, ...result.state } };
}
