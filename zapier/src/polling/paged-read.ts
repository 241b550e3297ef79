/**
 * Reads the part of a newest-first, page/limit list that one poll needs (see window.ts): usually the first page;
 * after a burst of more than a page since the position, the pages around the position, where the oldest new items
 * are. Those pages are found by halving (`meta.total` gives the page count), so a burst of 10 000 items costs about
 * 15 requests, not 100. A list that can be narrowed to items from a time on (clicks, conversions: `from`) is read
 * narrowed there, which puts the position on its last page.
 *
 * Lists move while they are read: an item created meanwhile pushes every later one a place down. The pages are read
 * newer first, so a pushed item is read twice (dropped by id), never skipped; a page that should have held the
 * position and no longer does is followed by the next one.
 */
import { compareStamps, type Stamp } from './stamp';

export const PAGE_SIZE = 100;
/** Without `meta.total` the pages are walked one by one, up to this many. */
const MAX_WALKED_PAGES = 50;
/** Pages read past the expected one when the list moved under the reads. */
const MAX_EXTRA_PAGES = 3;

export interface ListPage<T> {
	data: T[];
	total?: number;
}

export interface PagedList<T> {
	/** One page, newest first; page from 1, limit ≤ 100. */
	page(page: number, limit: number): Promise<ListPage<T>>;
	/** The same list limited to items stamped at or after `from` (when Linkkit can filter so). */
	from?(at: string): PagedList<T>;
}

export interface PagedFeed<T> extends PagedList<T> {
	stamp(item: T): Stamp;
}

const pageCount = (page: ListPage<unknown>) => (page.total === undefined ? undefined : Math.max(1, Math.ceil(page.total / PAGE_SIZE)));
const isLast = (page: ListPage<unknown>, number: number) => page.data.length < PAGE_SIZE || (pageCount(page) ?? Infinity) <= number;

/** The items one poll chooses from, for a feed at `position` (or its newest page when there is none). */
export async function readForPoll<T>(feed: PagedFeed<T>, position: Stamp | undefined): Promise<T[]> {
	const first = await feed.page(1, PAGE_SIZE);
	const reaches = (page: ListPage<T>) => !position || page.data.some((item) => compareStamps(feed.stamp(item), position) <= 0);
	if (!position || reaches(first) || isLast(first, 1)) return first.data;

	// A burst: more new items than one page. Narrowed to the position's instant on when the list allows it
	// (1 ms earlier, in case Linkkit's `from` is exclusive).
	const list: PagedList<T> = feed.from ? feed.from(new Date(Date.parse(position.at) - 1).toISOString()) : feed;
	const top = feed.from ? await list.page(1, PAGE_SIZE) : first;
	const holds = (page: ListPage<T>) => page.data.length === 0 || reaches(page);
	const boundary = await findBoundaryPage(list, top, holds);

	// Newer page first, then on until a page holds the position (or the list ends).
	const seen = new Set<string>();
	const items: T[] = [];
	for (let number = Math.max(1, boundary - 1), extra = 0; ; number++) {
		const page = await list.page(number, PAGE_SIZE);
		for (const item of page.data) {
			const id = feed.stamp(item).id;
			if (seen.has(id)) continue;
			seen.add(id);
			items.push(item);
		}
		if ((number >= boundary && holds(page)) || isLast(page, number)) break;
		if (number >= boundary && ++extra > MAX_EXTRA_PAGES) break;
	}
	return items;
}

/** The first page that holds the position, or the last page when none does; page 1 is known not to. */
async function findBoundaryPage<T>(list: PagedList<T>, first: ListPage<T>, holds: (page: ListPage<T>) => boolean): Promise<number> {
	if (holds(first) || isLast(first, 1)) return 1;
	const pages = pageCount(first);
	if (pages === undefined) {
		for (let number = 2; number <= MAX_WALKED_PAGES; number++) {
			const page = await list.page(number, PAGE_SIZE);
			if (holds(page) || isLast(page, number)) return number;
		}
		return MAX_WALKED_PAGES;
	}
	let low = 2;
	let high = pages;
	while (low < high) {
		const middle = Math.floor((low + high) / 2);
		if (holds(await list.page(middle, PAGE_SIZE))) high = middle;
		else low = middle + 1;
	}
	return low;
}
