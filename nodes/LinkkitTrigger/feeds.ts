/**
 * One "feed" per "new/updated item" event: how to read its items oldest first from an instant, and its newest items,
 * and which timestamp orders them. The rule for what is new lives in the shared core (`core/polling`).
 */

import { wasEditedAfterCreation, type LinkkitClient } from '../../core';
import { strictlyAfterForInstant, type FeedPosition, type Stamped } from '../../core/polling';
import type { Page } from '../../core/pagination';

export type FeedEvent = 'newLink' | 'updatedLink' | 'newCampaign' | 'newSegment' | 'newClick';

export interface FeedFilters {
	linkId?: string;
	campaignId?: string;
}

export interface Feed {
	/** The timestamp that orders this event's items, and the item's ID. */
	stamp(item: FeedItem): Stamped;
	/** One page, oldest first, of the items stamped at or after `from`. */
	since(from: string, cursor: string | undefined, limit: number): Promise<Page<FeedItem>>;
	/** One page of the newest items, newest first. */
	newest(limit: number): Promise<Page<FeedItem>>;
	/** Items of the list that are not this event (an "update" that is really the creation). */
	keep?(item: FeedItem): boolean;
	/** The position when there is nothing yet (default: before everything). */
	emptyPosition?: FeedPosition;
}

export type FeedItem = { id: string } & Record<string, unknown>;

const DAY_MS = 86_400_000;
/** How far back the first look at clicks goes (Linkkit's own default period for analytics). */
export const CLICK_LOOKBACK_MS = 30 * DAY_MS;

const byCreated = (item: FeedItem): Stamped => ({ id: item.id, at: String(item.createdAt) });
const byUpdated = (item: FeedItem): Stamped => ({ id: item.id, at: String(item.updatedAt) });
const asPage = (promise: Promise<Page<unknown>>) => promise as Promise<Page<FeedItem>>;

export function feedFor(event: FeedEvent, client: LinkkitClient, filters: FeedFilters, now: number): Feed {
	switch (event) {
		case 'newLink':
		case 'updatedLink': {
			const field = event === 'newLink' ? 'createdAt' : 'updatedAt';
			const after = event === 'newLink' ? 'createdAfter' : 'updatedAfter';
			const { campaignId } = filters;
			return {
				stamp: event === 'newLink' ? byCreated : byUpdated,
				since: (from, cursor, limit) =>
					asPage(client.links.listPage({ sort: field, [after]: strictlyAfterForInstant(from), campaignId }, { cursor, limit })),
				newest: (limit) => asPage(client.links.listPage({ sort: `-${field}`, campaignId }, { limit })),
				// A link that was never changed after its creation is a "New Link", not an update.
				keep:
					event === 'updatedLink'
						? (item) => wasEditedAfterCreation({ createdAt: String(item.createdAt), updatedAt: String(item.updatedAt) })
						: undefined,
			};
		}
		case 'newCampaign':
			return {
				stamp: byCreated,
				since: (from, cursor, limit) =>
					asPage(client.campaigns.listPage({ sort: 'createdAt', createdAfter: strictlyAfterForInstant(from) }, { cursor, limit })),
				newest: (limit) => asPage(client.campaigns.listPage({ sort: '-createdAt' }, { limit })),
			};
		case 'newSegment':
			return {
				stamp: byCreated,
				since: (from, cursor, limit) =>
					asPage(client.segments.listPage({ sort: 'createdAt', createdAfter: strictlyAfterForInstant(from) }, { cursor, limit })),
				newest: (limit) => asPage(client.segments.listPage({ sort: '-createdAt' }, { limit })),
			};
		case 'newClick': {
			const scope = { linkId: filters.linkId, campaignId: filters.campaignId };
			const lookback = new Date(now - CLICK_LOOKBACK_MS).toISOString();
			return {
				// The first look covers only the lookback period; an empty result must not later open up older clicks.
				emptyPosition: { at: lookback, id: '' },
				stamp: (item) => ({ id: item.id, at: String(item.timestamp) }),
				// `from` is inclusive for clicks.
				since: (from, cursor, limit) => asPage(client.analytics.clicksPage({ ...scope, from, sort: 'timestamp' }, { cursor, limit })),
				newest: (limit) => asPage(client.analytics.clicksPage({ ...scope, from: lookback }, { limit })),
			};
		}
	}
}
