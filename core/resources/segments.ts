/** Segments (visitor audiences): validated request bodies and the calls that send them. */

import type { components } from '../generated/openapi';
import type { LinkkitHttp } from '../http';
import { inputError } from '../errors';
import { paginate, type Page, type PaginateOptions } from '../pagination';
import { newIdempotencyKey } from '../idempotency';
import { isBlank, limits, validateId, validateSegmentRules, validateText } from '../validation';
import { commonListQuery, put, type ListFilters } from './common';

type Schemas = components['schemas'];
export type Segment = Schemas['Segment'];
export type SegmentCreate = Schemas['SegmentCreate'];
export type SegmentUpdate = Schemas['SegmentUpdate'];

export interface SegmentInput {
	name?: unknown;
	description?: unknown;
	match?: unknown;
	rules?: unknown;
}

function validateMatch(value: unknown): Schemas['SegmentMatch'] {
	if (value !== 'all' && value !== 'any') throw inputError('match', `"${String(value)}" is not "all" or "any"`);
	return value;
}

export function buildSegmentCreate(input: SegmentInput): SegmentCreate {
	if (isBlank(input.name)) throw inputError('name', 'is required');
	const body: SegmentCreate = {
		name: validateText('name', input.name, limits.nameMaxLength),
		rules: validateSegmentRules('rules', input.rules),
	};
	put(body, 'description', input.description, (v) => validateText('description', v, limits.descriptionMaxLength));
	put(body, 'match', input.match, validateMatch);
	return body;
}

export function buildSegmentUpdate(input: SegmentInput): SegmentUpdate {
	const body: SegmentUpdate = {};
	put(body, 'name', input.name, (v) => validateText('name', v, limits.nameMaxLength));
	put(body, 'description', input.description, (v) => validateText('description', v, limits.descriptionMaxLength), true);
	put(body, 'match', input.match, validateMatch);
	if (Array.isArray(input.rules) && input.rules.length) body.rules = validateSegmentRules('rules', input.rules);
	if (Object.keys(body).length === 0) throw inputError('fields', 'give at least one field to change');
	return body;
}

export interface SegmentFilters extends ListFilters {
	search?: string;
	name?: string;
}

function segmentQuery(filters: SegmentFilters) {
	const query = commonListQuery(filters);
	if (!isBlank(filters.search)) query.search = validateText('search', filters.search, 200);
	if (!isBlank(filters.name)) query.name = validateText('name', filters.name, limits.nameMaxLength);
	return query;
}

export function segmentsApi(http: LinkkitHttp) {
	return {
		listPage(filters: SegmentFilters = {}, page: { cursor?: string; limit?: number } = {}) {
			return http.call<Page<Segment>>('listSegments', { query: { ...segmentQuery(filters), ...page }, action: 'list segments' });
		},
		iterate(filters: SegmentFilters = {}, options: PaginateOptions = {}) {
			const query = segmentQuery(filters);
			return paginate<Segment>(
				(cursor, limit) => http.call<Page<Segment>>('listSegments', { query: { ...query, cursor, limit }, action: 'list segments' }),
				options,
			);
		},
		/** Like campaigns.findByName: at most one, and a blank name is refused rather than matching any segment. */
		async findByName(name: string): Promise<Segment | undefined> {
			if (isBlank(name)) throw inputError('name', 'fill in the segment name to search for');
			const page = await http.call<Page<Segment>>('listSegments', { query: segmentQuery({ name }), action: 'list segments' });
			return page.data[0];
		},
		get(id: string) {
			return http.call<Segment>('getSegment', { pathParams: { id: validateId('segmentId', id, 'segment') }, action: 'read segments' });
		},
		create(input: SegmentInput, options: { idempotencyKey?: string } = {}) {
			return http.call<Segment>('createSegment', {
				body: buildSegmentCreate(input),
				idempotencyKey: options.idempotencyKey ?? newIdempotencyKey(),
				action: 'create segments',
			});
		},
		update(id: string, input: SegmentInput) {
			return http.call<Segment>('updateSegment', {
				pathParams: { id: validateId('segmentId', id, 'segment') },
				body: buildSegmentUpdate(input),
				action: 'update segments',
			});
		},
		async delete(id: string): Promise<{ id: string; deleted: true }> {
			const segmentId = validateId('segmentId', id, 'segment');
			await http.call('deleteSegment', { pathParams: { id: segmentId }, action: 'delete segments' });
			return { id: segmentId, deleted: true };
		},
	};
}
