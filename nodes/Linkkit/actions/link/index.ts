/** The Link resource: its operations and the operation picker. */

import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../common/operation-picker';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as deleteLink from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, createMany, createOrUpdate, deleteLink as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationPicker(
		'link',
		[
			{ name: 'Create', value: 'create', description: 'Create a short link, exactly once', action: 'Create a link' },
			{
				name: 'Create Many',
				value: 'createMany',
				description: "Import a link for every input item in bulk (up to 1 000 per request); outputs each row's outcome, not the links",
				action: 'Create many links',
			},
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Create a link under a short code, or change the link that has it',
				action: 'Create or update a link',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a link so it stops redirecting', action: 'Delete a link' },
			{ name: 'Get', value: 'get', description: 'Get a link by its short code or short URL', action: 'Get a link' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many links, newest first', action: 'Get many links' },
			{ name: 'Update', value: 'update', description: 'Change a link, or rename it with a new short code', action: 'Update a link' },
		],
		'create',
	),
	...create.description,
	...createOrUpdate.description,
	...createMany.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteLink.description,
];
