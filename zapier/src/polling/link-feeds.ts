/**
 * The lists the triggers read, as paged feeds for paged-read.ts. The requests and stamps are the core's
 * (core/trigger-feeds.ts, shared with n8n); this only adapts them: links page by page, a link's clicks and the
 * conversions page by page with `from` when a burst is looked for.
 */
import {
	clickFeed,
	conversionFeed,
	conversionTypes,
	inputError,
	isBlank,
	newLinkFeed,
	type Click,
	type Conversion,
	type ConversionType,
	type LinkkitClient,
	type LinkWithUrl,
	type RangedFeed,
} from '../../../core';
import type { PagedFeed, PagedList } from './paged-read';

/** Links, newest created first (optionally one segment's). */
export function linksByCreation(client: LinkkitClient, segmentId: string | undefined): PagedFeed<LinkWithUrl> {
	const feed = newLinkFeed(client, segmentId);
	return { page: (page, limit) => feed.read(page, limit), stamp: feed.stamp };
}

/** A time-filtered list of the core, newest first, from a time on when asked. */
function ranged<T>(feed: RangedFeed<T>): PagedFeed<T> {
	const list = (from?: string): PagedList<T> => ({ page: (page, limit) => feed.read({ from }, page, limit) });
	return { ...list(), from: (at) => list(at), stamp: feed.stamp };
}

/** A link's clicks, newest first. */
export const clicksOf = (client: LinkkitClient, shortCode: string): PagedFeed<Click> => ranged(clickFeed(client, shortCode));

/** Leads, sales or both, newest first. */
export const conversionsOf = (client: LinkkitClient, type: ConversionType | undefined): PagedFeed<Conversion> => ranged(conversionFeed(client, type));

/** The conversion type as Linkkit names it, or none; anything else is refused before sending. */
export function conversionType(value: unknown): ConversionType | undefined {
	if (isBlank(value)) return undefined;
	const type = String(value).trim().toLowerCase() as ConversionType;
	if (!conversionTypes.includes(type)) throw inputError('type', `"${String(value)}" is not lead or sale`);
	return type;
}
