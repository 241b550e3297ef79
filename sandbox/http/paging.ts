/**
 * Linkkit's offset paging [OAS]: `page` from 1 and `limit` 1..100 (default 20), answered as
 * `{data, meta: {page, limit, total}}`; lists that are not paged answer `{data, meta: {total}}`.
 */
import type { Request } from 'express';

export interface PageRequest {
	page: number;
	limit: number;
}

export interface Paged<T> {
	data: T[];
	meta: { page: number; limit: number; total: number };
}

/** The validator has checked the ranges; it may or may not have coerced the strings. */
export function pageOf(req: Request): PageRequest {
	const query = req.query as Record<string, unknown>;
	return { page: Number(query.page ?? 1), limit: Number(query.limit ?? 20) };
}

export const skipOf = ({ page, limit }: PageRequest) => (page - 1) * limit;

/** One page of items already in the list's order (newest first, by name, ...). */
export function pageFrom<T>(items: Iterable<T>, request: PageRequest): Paged<T> {
	const skip = skipOf(request);
	const data: T[] = [];
	let total = 0;
	for (const item of items) {
		if (total >= skip && data.length < request.limit) data.push(item);
		total++;
	}
	return { data, meta: { page: request.page, limit: request.limit, total } };
}

export function unpaged<T>(data: T[]): { data: T[]; meta: { total: number } } {
	return { data, meta: { total: data.length } };
}
