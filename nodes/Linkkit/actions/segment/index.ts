/** The Segment resource: its operations and the operation picker. */

import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteSegment from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteSegment as delete, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['segment'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a segment', action: 'Create a segment' },
			{ name: 'Delete', value: 'delete', description: 'Delete a segment', action: 'Delete a segment' },
			{ name: 'Get', value: 'get', description: 'Get a segment', action: 'Get a segment' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many segments, newest first', action: 'Get many segments' },
			{ name: 'Update', value: 'update', description: 'Change a segment', action: 'Update a segment' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteSegment.description,
];
