/** Tags: named, coloured labels of the workspace. (Linkkit documents no way to attach a tag to a link.) */

import { inputError } from '../errors';
import type { LinkkitHttp } from '../http';
import { validateColor, validateRequiredText, validateText } from '../validation';
import { put, type Schemas } from './common';
import { namedCollectionApi } from './named-collection';

export type Tag = Schemas['Tag'];
type TagCreate = Schemas['TagInput'];
type TagUpdate = Schemas['TagUpdate'];

export function tagsApi(http: LinkkitHttp) {
	return namedCollectionApi<Tag, TagCreate, TagUpdate>(http, {
		idField: 'tagId',
		noun: 'tag',
		operations: { list: 'listTags', create: 'createTag', get: 'getTag', update: 'updateTag', delete: 'deleteTag' },
		buildCreate: (input) => {
			const body: TagCreate = { name: validateRequiredText('name', input.name, 100) };
			put(body, 'color', input.color, (v) => validateColor('color', v));
			return body;
		},
		buildUpdate: (input) => {
			const body: TagUpdate = {};
			put(body, 'name', input.name, (v) => validateText('name', v, 100));
			put(body, 'color', input.color, (v) => validateColor('color', v), true);
			if (Object.keys(body).length === 0) throw inputError('fields', 'give a new name or colour');
			return body;
		},
	});
}
