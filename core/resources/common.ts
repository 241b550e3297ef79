/** Pieces every resource shares: the generated schema types and the blank-skipping body builder. */

import type { components } from '../generated/openapi';

export type Schemas = components['schemas'];

/** Linkkit's `{data, meta: {total}}` answer for lists it returns whole (tags, lists, UTM templates, domains, workspaces). */
export interface Whole<T> {
	data: T[];
	meta?: { total?: number };
}

/**
 * Copies `value` through `check` into `body[key]` unless it is blank. With `clearable`, a blank value on update means
 * "leave as is", and an explicit null means "clear it".
 */
export function put<T extends object, K extends keyof T>(body: T, key: K, value: unknown, check: (value: unknown) => T[K], clearable = false): void {
	if (value === null && clearable) {
		body[key] = null as T[K];
		return;
	}
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return;
	body[key] = check(value);
}

/** Exact, case-sensitive, after trimming: how a lost create is recognised by its name. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
	return (a ?? '').trim() === (b ?? '').trim();
}
