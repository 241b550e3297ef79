/**
 * Segments: what Linkkit's app calls the groups links are organised in, and its API calls lists (`/v1/lists`,
 * a link's `list_id`). A link is in at most one segment.
 */

import { inputError } from '../errors';
import type { LinkkitHttp } from '../http';
import { isBlank, validateColor, validateRequiredText, validateText, validateUuid } from '../validation';
import { put, type Schemas } from './common';
import type { LinkWithUrl } from './links';
import { namedCollectionApi } from './named-collection';

export type Segment = Schemas['List'];
type SegmentCreate = Schemas['ListInput'];
type SegmentUpdate = Schemas['ListUpdate'];

function buildCreate(input: Record<string, unknown>): SegmentCreate {
	const body: SegmentCreate = { name: validateRequiredText('name', input.name, 200) };
	put(body, 'color', input.color, (v) => validateColor('color', v));
	return body;
}

function buildUpdate(input: Record<string, unknown>): SegmentUpdate {
	const body: SegmentUpdate = {};
	put(body, 'name', input.name, (v) => validateText('name', v, 200));
	put(body, 'color', input.color, (v) => validateColor('color', v), true);
	if (Object.keys(body).length === 0) throw inputError('fields', 'give a new name or colour');
	return body;
}

export function segmentsApi(http: LinkkitHttp, links: { update(code: string, input: Record<string, unknown>): Promise<LinkWithUrl> }) {
	return {
		...namedCollectionApi<Segment, SegmentCreate, SegmentUpdate>(http, {
			noun: 'segment',
			idField: 'segmentId',
			operations: { list: 'listLists', create: 'createList', get: 'getList', update: 'updateList', delete: 'deleteList' },
			buildCreate,
			buildUpdate,
		}),
		/** Puts a link into the segment (a link is in one segment at most: this moves it out of any other). */
		addLink(segmentId: unknown, link: string): Promise<LinkWithUrl> {
			if (isBlank(segmentId)) throw inputError('segmentId', 'is required');
			return links.update(link, { list_id: validateUuid('segmentId', segmentId, 'segment') });
		},
		/** Takes a link out of whatever segment it is in. */
		removeLink(link: string): Promise<LinkWithUrl> {
			return links.update(link, { list_id: null });
		},
	};
}
