/** The Click resource: individual click events. */

import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../common/operation-picker';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	operationPicker(
		'click',
		[{ name: 'Get Many', value: 'getMany', description: 'Get click events, newest first', action: 'Get many clicks' }],
		'getMany',
	),
	...getMany.description,
];
