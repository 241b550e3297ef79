/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * One poll of a trigger: read what the position calls for, keep only items Linkkit's lists are sure to show already,
 * choose the window (window.ts), move the position, and shape the items for Zapier.
 *
 * Settled items only: Linkkit may show a new item in lists a few seconds after its timestamp (docs/assumptions.md
 * A15), and an item that turned up late behind the position would be skipped for good. So a poll hands on items once
 * they are SETTLE_MS old by Linkkit's own clock (its `Date` header), a short delay next to Zapier's polling interval.
 * Loading samples in the Zap editor is different: it shows the newest few items at once and moves nothing.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { clockOf, SETTLE_MS, settleHorizon, type LinkkitClient } from '../../../core';
import { PositionStore } from './position-store';
import type { Stamp } from './stamp';
import { pollWindow, POLL_WINDOW } from './window';

/** The Zap editor shows three items when a user tests the trigger. */
export const SAMPLE_SIZE = 3;

export interface Feed<T, O> {
	/** The trigger's key: positions are kept per trigger. */
	trigger: string;
	stamp(item: T): Stamp;
	/** The items a poll chooses from when the feed stands at `position` (see paged-read.ts). */
	read(position: Stamp | undefined): Promise<T[]>;
	/** The newest few, for samples. */
	newest(count: number): Promise<T[]>;
	/** Zapier's items (newest first in, newest first out); may look up names once for all of them. */
	output(items: T[]): Promise<O[]>;
}

export async function pollFeed<T, O>(z: ZObject, bundle: Bundle, client: LinkkitClient, feed: Feed<T, O>): Promise<O[]> {
	if (bundle.meta?.isLoadingSample) return await feed.output((await feed.newest(SAMPLE_SIZE)).slice(0, SAMPLE_SIZE));

	const store = new PositionStore(z, bundle, feed.trigger);
	// Turning a Zap on starts it at the newest items, whatever an earlier life of the Zap left behind.
	const position = bundle.meta?.isPopulatingDedupe ? undefined : await store.get();
	const read = await feed.read(position);
	const horizon = settleHorizon(clockOf(client), SETTLE_MS);
	const settled = read.filter((item) => Date.parse(feed.stamp(item).at) <= horizon);
	const chosen = pollWindow(settled, (item) => feed.stamp(item), position, POLL_WINDOW);
	// Written on every poll, moved or not, so the entry's lifetime counts from the last poll of a quiet Zap too.
	if (chosen.position) await store.set(chosen.position);
	return await feed.output(chosen.items);
}
