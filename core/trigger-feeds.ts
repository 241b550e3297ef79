/**
 * The polling events' lists as the walks read them (core/polling*.ts): which Linkkit list each event reads, which
 * timestamp orders it, and Linkkit's clock from the client's answers. Items are what the action node outputs:
 * Linkkit's own fields, plus `short_url` on links.
 */

import type { LinkkitClient } from './client';
import type { Paged } from './pagination';
import { wasEditedAfterCreation } from './display';
import type { PollClock } from './polling';
import type { NewestFirstFeed } from './polling-newest-first';
import type { RangedFeed, TimeRange } from './polling-ranged';
import type { ScanFeed } from './polling-scan';
import type { Click } from './resources/click-stats';
import type { Conversion, ConversionType } from './resources/conversions';
import { withShortUrl, type Link, type LinkWithUrl } from './resources/links';
import type { Segment } from './resources/segments';

export function clockOf(client: LinkkitClient): PollClock {
	return { serverNow: () => client.http.serverNow(), now: () => client.http.localNow() };
}

function linkPages(client: LinkkitClient, segmentId: string | undefined) {
	return async (page: number, limit: number) => {
		const answer = await client.links.listPage(segmentId ? { list_id: segmentId } : {}, page, limit);
		return { data: (answer.data ?? []).map((link: Link) => withShortUrl(link)), total: answer.meta?.total };
	};
}

/** Links by creation, newest first (`GET /v1/links`, optionally `list_id`). */
export function newLinkFeed(client: LinkkitClient, segmentId?: string): NewestFirstFeed<LinkWithUrl> {
	return { read: linkPages(client, segmentId), stamp: (link) => ({ id: link.id, at: link.created_at }), clock: clockOf(client) };
}

/** A link was changed when its `updated_at` is later than its `created_at` (display.ts's rule, under the feeds' name). */
export function wasEdited(link: Pick<Link, 'created_at' | 'updated_at'>): boolean {
	return wasEditedAfterCreation(link);
}

/** Links by their latest change: the whole list every poll (Linkkit sorts it by creation). */
export function updatedLinkFeed(client: LinkkitClient, segmentId?: string): ScanFeed<LinkWithUrl> {
	return { read: linkPages(client, segmentId), stamp: (link) => ({ id: link.id, at: link.updated_at }), isEvent: wasEdited, clock: clockOf(client) };
}

/** Segments (the API's lists) by creation; Linkkit returns them whole, by name. */
export function newSegmentFeed(client: LinkkitClient): ScanFeed<Segment> {
	return {
		read: async () => {
			const all = await client.segments.list();
			return { data: all, total: all.length };
		},
		stamp: (segment) => ({ id: String(segment.id), at: String(segment.created_at) }),
		clock: clockOf(client),
		pageSize: Number.MAX_SAFE_INTEGER,
	};
}

/** One link's clicks (`GET /v1/analytics/links/{shortCode}`, `from`/`to`). */
export function clickFeed(client: LinkkitClient, shortCode: string): RangedFeed<Click> {
	return {
		read: async (range: TimeRange, page: number, limit: number) => {
			const answer = await client.http.call<Paged<Click>>('listLinkClicks', {
				pathParams: { shortCode },
				query: { from: range.from, to: range.to, page, limit },
				action: 'read analytics',
			});
			return { data: answer.data ?? [], total: answer.meta?.total };
		},
		stamp: (click) => ({ id: String(click.id), at: String(click.clicked_at) }),
		clock: clockOf(client),
	};
}

/** Leads, sales or both (`GET /v1/conversions`, `type`, `from`/`to`). */
export function conversionFeed(client: LinkkitClient, type?: ConversionType): RangedFeed<Conversion> {
	return {
		read: async (range: TimeRange, page: number, limit: number) => {
			const answer = await client.http.call<Paged<Conversion>>('listConversions', {
				query: { type, from: range.from, to: range.to, page, limit },
				action: 'read conversions',
			});
			return { data: answer.data ?? [], total: answer.meta?.total };
		},
		stamp: (conversion) => ({ id: String(conversion.id), at: String(conversion.created_at) }),
		clock: clockOf(client),
	};
}

/** A click as the triggers hand it on: Linkkit's click, and the link it was on (its id, short code and short URL). */
export type ClickItem = Click & { link_id: string; short_code: string; short_url: string };

export function clickItem(click: Click, link: LinkWithUrl): ClickItem {
	return { ...click, link_id: link.id, short_code: link.short_code, short_url: link.short_url };
}
