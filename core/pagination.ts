/**
 * Walks Linkkit's page/limit lists (`page` from 1, `limit` ≤ 100, `meta.total`). "Return all" reads until a short
 * page or the total; a limit stops as soon as enough items arrived. The page size stays the same for every page of a
 * walk (offsets are (page − 1) × limit, so changing it would skip or repeat items).
 *
 * Lists move while they are read: a link created meanwhile pushes every later item one place down, so the next page
 * starts with an item already seen; those repeats are dropped by id. (An item deleted meanwhile pulls the later ones
 * up, so one may be skipped: a walk is a snapshot as good as the API allows. Triggers do more, see polling.ts.)
 */

import { LinkkitError } from './errors';
import { limits } from './validation';

export interface PageMeta {
	page?: number;
	limit?: number;
	total?: number;
}

export interface Paged<T> {
	data: T[];
	meta?: PageMeta;
}

export interface PaginateOptions {
	/** Stop after this many items; ignored when `returnAll` is true. Default 50. */
	limit?: number;
	returnAll?: boolean;
	/** Items per request, 1..100. Default: 100, or the limit when smaller. */
	pageSize?: number;
	/** Hard stop on pages fetched, whatever the totals say. Default 10 000. */
	maxPages?: number;
}

export const MAX_PAGE_SIZE = limits.pageSizeMax;

export async function* paginate<T>(
	fetchPage: (page: number, limit: number) => Promise<Paged<T>>,
	options: PaginateOptions = {},
	idOf: (item: T) => string | undefined = (item) => (item as { id?: string }).id,
): AsyncGenerator<T, void, undefined> {
	const returnAll = options.returnAll === true;
	const wanted = returnAll ? Infinity : Math.max(0, options.limit ?? 50);
	if (wanted === 0) return;
	const maxPages = options.maxPages ?? 10_000;
	const pageSize = Math.max(1, Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE, wanted));
	const seen = new Set<string>();
	let yielded = 0;

	for (let page = 1; ; page++) {
		const answer = await fetchPage(page, pageSize);
		const data = Array.isArray(answer?.data) ? answer.data : [];
		for (const item of data) {
			const id = idOf(item);
			if (id !== undefined) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			yield item;
			if (++yielded >= wanted) return;
		}
		const total = answer?.meta?.total;
		if (data.length < pageSize || (total !== undefined && page * pageSize >= total)) return;
		if (page >= maxPages) {
			throw new LinkkitError({
				code: 'invalid_response',
				message: `Stopped after ${page} pages (the safety limit). Narrow the filters or set a limit.`,
			});
		}
	}
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const item of items) out.push(item);
	return out;
}
