/**
 * Keyset pagination. The cursor is opaque to clients: base64url of the last item's sort value and id, so a page
 * boundary stays put when items are inserted or deleted elsewhere (an offset would shift).
 */
import { badRequest } from './errors';

export type SortKey = 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt';

interface CursorPosition {
	value: string;
	id: string;
}

export function encodeCursor(position: CursorPosition): string {
	return Buffer.from(JSON.stringify([position.value, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
	try {
		const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (Array.isArray(decoded) && decoded.length === 2 && decoded.every((part) => typeof part === 'string')) {
			return { value: decoded[0] as string, id: decoded[1] as string };
		}
	} catch {
		// Fall through to the 400 below.
	}
	throw badRequest('cursor', 'The cursor is not one this API returned.');
}

/** Compares (value, id) tuples; ISO timestamps of one format sort correctly as strings. */
function compareTuple(a: CursorPosition, b: CursorPosition): number {
	if (a.value !== b.value) return a.value < b.value ? -1 : 1;
	if (a.id !== b.id) return a.id < b.id ? -1 : 1;
	return 0;
}

export interface Page<T> {
	data: T[];
	nextCursor: string | null;
}

/**
 * Sorts by `field` (ties by id, same direction) and returns the page after `cursor`.
 * `valueOf` reads the sort value, so clicks (by timestamp) share this with links/campaigns/segments.
 * Only the page (and one more, to know whether there is a next one) is kept sorted while the items are scanned, so
 * a page costs one pass over the account, not a sort of it: a 100 000-link account answers as fast as a small one
 * apart from that pass, as a real API with an index would.
 */
export function paginate<T extends { id: string }>(
	items: readonly T[],
	options: { valueOf: (item: T) => string; descending: boolean; limit: number; cursor?: string },
): Page<T> {
	const direction = options.descending ? -1 : 1;
	const after = options.cursor ? decodeCursor(options.cursor) : undefined;
	const keep = options.limit + 1;
	const best: Array<{ item: T; position: CursorPosition }> = [];
	for (const item of items) {
		const position = { value: options.valueOf(item), id: item.id };
		if (after && compareTuple(position, after) * direction <= 0) continue;
		if (best.length === keep && compareTuple(position, best[keep - 1].position) * direction >= 0) continue;
		// Binary search for its place among the best so far.
		let low = 0;
		let high = best.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (compareTuple(best[middle].position, position) * direction <= 0) low = middle + 1;
			else high = middle;
		}
		best.splice(low, 0, { item, position });
		if (best.length > keep) best.pop();
	}
	const data = best.slice(0, options.limit).map((entry) => entry.item);
	const hasMore = best.length > options.limit;
	return { data, nextCursor: hasMore ? encodeCursor(best[options.limit - 1].position) : null };
}

/** The list parameters every collection shares (`sort`, time filters, `limit`, `cursor`). */
export interface ListQuery {
	limit: number;
	cursor?: string;
	sort: SortKey;
	createdAfter?: string;
	createdBefore?: string;
	updatedAfter?: string;
}

type Timestamped = { id: string; createdAt: string; updatedAt: string };

/** Applies the shared filters and the sort, then paginates. Resource filters run before this. */
export function listPage<T extends Timestamped>(items: readonly T[], query: ListQuery): Page<T> {
	const ms = (iso: string) => Date.parse(iso);
	const createdAfter = query.createdAfter ? ms(query.createdAfter) : undefined;
	const createdBefore = query.createdBefore ? ms(query.createdBefore) : undefined;
	const updatedAfter = query.updatedAfter ? ms(query.updatedAfter) : undefined;
	const filtered = items.filter(
		(item) =>
			(createdAfter === undefined || ms(item.createdAt) > createdAfter) &&
			(createdBefore === undefined || ms(item.createdAt) < createdBefore) &&
			(updatedAfter === undefined || ms(item.updatedAt) > updatedAfter),
	);
	const field = query.sort.replace('-', '') as 'createdAt' | 'updatedAt';
	return paginate(filtered, {
		valueOf: (item) => item[field],
		descending: query.sort.startsWith('-'),
		limit: query.limit,
		cursor: query.cursor,
	});
}

/** Reads the shared list parameters from a query the OpenAPI validator has already checked and defaulted. */
export function readListQuery(query: Record<string, unknown>): ListQuery {
	return {
		limit: Number(query.limit ?? 20),
		cursor: query.cursor as string | undefined,
		sort: (query.sort as SortKey | undefined) ?? '-createdAt',
		createdAfter: query.createdAfter as string | undefined,
		createdBefore: query.createdBefore as string | undefined,
		updatedAfter: query.updatedAfter as string | undefined,
	};
}
