/**
 * The lists the triggers read, as paged feeds (paged-read.ts). Links and their pages come from the core; a link's
 * clicks and the conversions are read a page at a time through the core's transport by operation (the core offers
 * them only as whole walks), with `from` so a burst is found on the last page instead of by halving.
 */
import { conversionTypes, inputError, isBlank, withShortUrl, type Click, type Conversion, type ConversionType, type LinkFilters, type LinkkitClient, type LinkWithUrl, type Paged } from '../../../core';
import type { ListPage, PagedFeed, PagedList } from './paged-read';

const listPage = <T>(answer: Paged<T>): ListPage<T> => ({ data: Array.isArray(answer.data) ? answer.data : [], total: answer.meta?.total });

/** Links, newest created first. */
export function linksByCreation(client: LinkkitClient, filters: LinkFilters): PagedFeed<LinkWithUrl> {
	return {
		page: async (page, limit) => {
			const answer = listPage(await client.links.listPage(filters, page, limit));
			return { ...answer, data: answer.data.map(withShortUrl) };
		},
		stamp: (link) => ({ at: link.created_at, id: link.id }),
	};
}

/** A link's clicks, newest first. */
export function clicksOf(client: LinkkitClient, shortCode: string): PagedFeed<Click> {
	const list = (from?: string): PagedList<Click> => ({
		page: async (page, limit) =>
			listPage(
				await client.http.call<Paged<Click>>('listLinkClicks', {
					pathParams: { shortCode },
					query: { from, page, limit },
					action: 'read analytics',
				}),
			),
	});
	return { ...list(), from: (at) => list(at), stamp: (click) => ({ at: click.clicked_at as string, id: click.id as string }) };
}

/** The conversion type as Linkkit names it, or none; anything else is refused before sending. */
export function conversionType(value: unknown): ConversionType | undefined {
	if (isBlank(value)) return undefined;
	const type = String(value).trim().toLowerCase() as ConversionType;
	if (!conversionTypes.includes(type)) throw inputError('type', `"${String(value)}" is not lead or sale`);
	return type;
}

/** Conversions (leads and sales), newest first. */
export function conversionsFeed(client: LinkkitClient, type: ConversionType | undefined): PagedFeed<Conversion> {
	const list = (from?: string): PagedList<Conversion> => ({
		page: async (page, limit) =>
			listPage(await client.http.call<Paged<Conversion>>('listConversions', { query: { type, from, page, limit }, action: 'read conversions' })),
	});
	return { ...list(), from: (at) => list(at), stamp: (conversion) => ({ at: conversion.created_at as string, id: conversion.id as string }) };
}
