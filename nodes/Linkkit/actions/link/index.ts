/** The Link resource: its operations and the operation picker. */

import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../common/operation-picker';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import * as deleteLink from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, createMany, deleteLink as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationPicker(
		'link',
		[
			{ name: 'Create', value: 'create', description: 'Create a short link', action: 'Create a link' },
			{
				name: 'Create Many',
				value: 'createMany',
				description: 'Create a short link for every input item, up to 100 per request',
				action: 'Create many links',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a link so it stops redirecting', action: 'Delete a link' },
			{ name: 'Get', value: 'get', description: 'Get a link by ID or short URL', action: 'Get a link' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many links, newest first', action: 'Get many links' },
			{ name: 'Update', value: 'update', description: 'Change a link', action: 'Update a link' },
		],
		'create',
	),
	...create.description,
	...createMany.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteLink.description,
];
