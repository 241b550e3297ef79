/**
 * Segments (the API's lists), tags and UTM templates work alike: a whole list sorted by name, and create / get /
 * update / delete by UUID. One implementation serves the three, so retries and lost answers behave the same for all.
 *
 * A create whose answer is lost is looked for by name among those made since the attempt (reconcile.ts) before it
 * is sent again; an update is simply sent again; a delete retried after a lost answer that finds the object gone
 * counts as done (http.ts).
 */

import type { LinkkitHttp } from '../http';
import type { OperationId } from '../generated/operations';
import { validateUuid } from '../validation';
import { sameName, type Whole } from './common';
import { createReconciled, madeSince } from './reconcile';

export interface Named {
	id?: string;
	name?: string;
	created_at?: string;
}

export interface NamedCollection<T extends Named, C extends { name: string }, U> {
	/** How people call one ("segment"), for messages. */
	noun: string;
	/** The ID's field name in messages, e.g. `segmentId`. */
	idField: string;
	operations: { list: OperationId; create: OperationId; get: OperationId; update: OperationId; delete: OperationId };
	buildCreate(input: Record<string, unknown>): C;
	buildUpdate(input: Record<string, unknown>): U;
	/** Unused here; keeps the element type in the signature for callers. */
	sample?: T;
}

export function namedCollectionApi<T extends Named, C extends { name: string }, U>(http: LinkkitHttp, spec: NamedCollection<T, C, U>) {
	const { noun, operations } = spec;
	const idOf = (value: unknown) => validateUuid(spec.idField, value, noun);
	const list = async (): Promise<T[]> => (await http.call<Whole<T>>(operations.list, { action: `read ${noun}s` })).data ?? [];
	return {
		/** Every one of the workspace's, sorted by name (Linkkit returns them whole). */
		list,
		get(id: unknown): Promise<T> {
			return http.call<T>(operations.get, { pathParams: { id: idOf(id) }, action: `read ${noun}s` });
		},
		async create(input: Record<string, unknown>): Promise<T> {
			const body = spec.buildCreate(input);
			return await createReconciled(http, {
				send: () => http.call<T>(operations.create, { body, action: `create ${noun}s` }),
				find: async (since) => (await list()).find((item) => sameName(item.name, body.name) && madeSince(item.created_at, since)),
			});
		},
		update(id: unknown, input: Record<string, unknown>): Promise<T> {
			return http.call<T>(operations.update, { pathParams: { id: idOf(id) }, body: spec.buildUpdate(input), action: `change ${noun}s` });
		},
		async delete(id: unknown): Promise<{ id: string; deleted: true }> {
			const checked = idOf(id);
			await http.call(operations.delete, { pathParams: { id: checked }, action: `delete ${noun}s` });
			return { id: checked, deleted: true };
		},
	};
}
