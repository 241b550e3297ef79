/**
 * One "feed" per "new/updated item" event: how to read the newest items and everything at or after a mark, and
 * which timestamp orders them. The high-water-mark rule itself lives in the shared core (`core/polling`).
 */

import { wasEditedAfterCreation, type LinkkitClient } from '../../core';
import { strictAfterForMark, type HighWaterMark, type Stamped } from '../../core/polling';
import type { Page } from '../../core/pagination';

export type FeedEvent = 'newLink' | 'updatedLink' | 'newCampaign' | 'newSegment' | 'newClick';

export interface FeedFilters {
	linkId?: string;
	campaignId?: string;
}

export interface Feed {
	/** The timestamp that orders this event's items, and the item's ID. */
	stamp(item: FeedItem): Stamped;
	/** One page, newest first, at or after `mark` (or the newest items when `mark` is undefined). */
	page(mark: HighWaterMark | undefined, cursor: string | undefined, limit: number): Promise<Page<FeedItem>>;
	/** Items of the list that are not this event (an "update" that is really the creation). */
	keep?(item: FeedItem): boolean;
	/** The mark when there is nothing yet (default: before everything). */
	emptyMark?: HighWaterMark;
}

export type FeedItem = { id: string } & Record<string, unknown>;

const DAY_MS = 86_400_000;
/** How far back the first look at clicks goes (Linkkit's own default period for analytics). */
export const CLICK_LOOKBACK_MS = 30 * DAY_MS;

const byCreated = (item: FeedItem): Stamped => ({ id: item.id, at: String(item.createdAt) });
const byUpdated = (item: FeedItem): Stamped => ({ id: item.id, at: String(item.updatedAt) });

export function feedFor(event: FeedEvent, client: LinkkitClient, filters: FeedFilters, now: number): Feed {
	const createdSince = (mark?: HighWaterMark) => ({
		sort: '-createdAt' as const,
		...(mark ? { createdAfter: strictAfterForMark(mark) } : {}),
	});
	const asPage = (promise: Promise<Page<unknown>>) => promise as Promise<Page<FeedItem>>;
	switch (event) {
		case 'newLink':
			return {
				stamp: byCreated,
				page: (mark, cursor, limit) => asPage(client.links.listPage({ ...createdSince(mark), campaignId: filters.campaignId }, { cursor, limit })),
			};
		case 'updatedLink':
			return {
				stamp: byUpdated,
				page: (mark, cursor, limit) =>
					asPage(
						client.links.listPage(
							{ sort: '-updatedAt', ...(mark ? { updatedAfter: strictAfterForMark(mark) } : {}), campaignId: filters.campaignId },
							{ cursor, limit },
						),
					),
				// A link that was never changed after its creation is a "New Link", not an update.
				keep: (item) => wasEditedAfterCreation({ createdAt: String(item.createdAt), updatedAt: String(item.updatedAt) }),
			};
		case 'newCampaign':
			return { stamp: byCreated, page: (mark, cursor, limit) => asPage(client.campaigns.listPage(createdSince(mark), { cursor, limit })) };
		case 'newSegment':
			return { stamp: byCreated, page: (mark, cursor, limit) => asPage(client.segments.listPage(createdSince(mark), { cursor, limit })) };
		case 'newClick':
			return {
				// The first look covers only the lookback period; an empty result must not later open up older clicks.
				emptyMark: { at: new Date(now - CLICK_LOOKBACK_MS).toISOString(), ids: [] },
				stamp: (item) => ({ id: item.id, at: String(item.timestamp) }),
				// Clicks are always newest first; `from` is inclusive, so the mark itself is the lower bound.
				page: (mark, cursor, limit) =>
					asPage(
						client.analytics.clicksPage(
							{
								linkId: filters.linkId,
								campaignId: filters.campaignId,
								from: mark ? mark.at : new Date(now - CLICK_LOOKBACK_MS).toISOString(),
							},
							{ cursor, limit },
						),
					),
			};
	}
}
