/** Pieces every resource shares: list query parameters and the blank-skipping body builder. */

import type { QueryValue } from '../http';
import { isBlank, validateIsoDate } from '../validation';

export type SortOrder = 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt';

export interface ListFilters {
	sort?: SortOrder;
	createdAfter?: string | Date;
	createdBefore?: string | Date;
	updatedAfter?: string | Date;
}

/** Validated query parameters common to every list; blank values are dropped. */
export function commonListQuery(filters: ListFilters): Record<string, QueryValue> {
	const query: Record<string, QueryValue> = {};
	if (!isBlank(filters.sort)) query.sort = filters.sort;
	for (const key of ['createdAfter', 'createdBefore', 'updatedAfter'] as const) {
		const value = filters[key];
		if (!isBlank(value)) query[key] = validateIsoDate(key, value);
	}
	return query;
}

/**
 * Copies `value` through `check` into `body[key]` unless it is blank. With `clearable`, a blank value
 * on update means "leave as is", and an explicit null means "clear it".
 */
export function put<T extends object, K extends keyof T>(
	body: T,
	key: K,
	value: unknown,
	check: (value: unknown) => T[K],
	clearable = false,
): void {
	if (value === null && clearable) {
		body[key] = null as T[K];
		return;
	}
	if (isBlank(value)) return;
	body[key] = check(value);
}
