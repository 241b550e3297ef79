/** The Domain resource: the workspace's custom domains, read only (they are added and verified in Linkkit). */

import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../common/operation-picker';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationPicker(
		'domain',
		[
			{ name: 'Get', value: 'get', description: 'Get a custom domain with its DNS records', action: 'Get a domain' },
			{ name: 'Get Many', value: 'getMany', description: "Get the workspace's custom domains", action: 'Get many domains' },
		],
		'getMany',
	),
	...getMany.description,
	...get.description,
];
