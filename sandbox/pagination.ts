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
 */
export function paginate<T extends { id: string }>(
	items: readonly T[],
	options: { valueOf: (item: T) => string; descending: boolean; limit: number; cursor?: string },
): Page<T> {
	const position = (item: T): CursorPosition => ({ value: options.valueOf(item), id: item.id });
	const direction = options.descending ? -1 : 1;
	const after = options.cursor ? decodeCursor(options.cursor) : undefined;
	const sorted = items
		.filter((item) => !after || compareTuple(position(item), after) * direction > 0)
		.sort((a, b) => compareTuple(position(a), position(b)) * direction);
	const data = sorted.slice(0, options.limit);
	const hasMore = sorted.length > options.limit;
	return { data, nextCursor: hasMore ? encodeCursor(position(data[data.length - 1])) : null };
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
