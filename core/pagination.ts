/**
 * Walks Linkkit's cursor pages. "Return all" keeps going until `nextCursor` is null; a limit stops
 * as soon as enough items arrived (and asks only for what is still needed). A loop guard stops a
 * server that hands back a cursor it gave before, instead of paging forever.
 */

import { LinkkitError } from './errors';

export interface Page<T> {
	data: T[];
	nextCursor: string | null;
}

export interface PaginateOptions {
	/** Stop after this many items; ignored when `returnAll` is true. Default 50. */
	limit?: number;
	returnAll?: boolean;
	/** Items per request, 1..100. Default: the smaller of 100 and what is still needed. */
	pageSize?: number;
	/** Start from this cursor instead of the first page. */
	cursor?: string;
	/** Hard stop on pages fetched, whatever the cursors say. Default 10 000. */
	maxPages?: number;
}

export const MAX_PAGE_SIZE = 100;

export async function* paginate<T>(
	fetchPage: (cursor: string | undefined, pageSize: number) => Promise<Page<T>>,
	options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
	const returnAll = options.returnAll === true;
	const limit = returnAll ? Infinity : Math.max(0, options.limit ?? 50);
	const maxPages = options.maxPages ?? 10_000;
	const seen = new Set<string>();
	let cursor = options.cursor;
	let yielded = 0;
	let pages = 0;

	while (yielded < limit) {
		const wanted = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE, limit - yielded);
		const page = await fetchPage(cursor, Math.max(1, wanted));
		pages++;
		for (const item of page.data) {
			if (yielded >= limit) return;
			yield item;
			yielded++;
		}
		const next = page.nextCursor;
		if (!next || page.data.length === 0) return;
		if (seen.has(next)) {
			throw new LinkkitError({
				code: 'invalid_response',
				message: `Stopped paging after ${pages} pages: Linkkit returned a cursor it had already given, which would repeat items forever.`,
			});
		}
		if (pages >= maxPages) {
			throw new LinkkitError({
				code: 'invalid_response',
				message: `Stopped after ${pages} pages (the safety limit). Narrow the filters or set a limit.`,
			});
		}
		seen.add(next);
		cursor = next;
	}
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const item of items) out.push(item);
	return out;
}
