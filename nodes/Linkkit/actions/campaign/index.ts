/** The Campaign resource: its operations and the operation picker. */

import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteCampaign from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteCampaign as delete, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a campaign', action: 'Create a campaign' },
			{ name: 'Delete', value: 'delete', description: 'Delete a campaign', action: 'Delete a campaign' },
			{ name: 'Get', value: 'get', description: 'Get a campaign', action: 'Get a campaign' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many campaigns, newest first', action: 'Get many campaigns' },
			{ name: 'Update', value: 'update', description: 'Change a campaign', action: 'Update a campaign' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteCampaign.description,
];
