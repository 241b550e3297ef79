/** The Workspace resource: which workspaces the API key reaches (it acts in its own). */

import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../common/operation-picker';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	operationPicker(
		'workspace',
		[{ name: 'Get Many', value: 'getMany', description: 'Get the workspaces the API key can reach', action: 'Get many workspaces' }],
		'getMany',
	),
	...getMany.description,
];
