/** The Click resource: individual click events. */

import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['click'] } },
		options: [{ name: 'Get Many', value: 'getMany', description: 'Get click events, newest first', action: 'Get many clicks' }],
		default: 'getMany',
	},
	...getMany.description,
];
