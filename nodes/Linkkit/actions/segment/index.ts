/** The Segment resource (the API's lists): its operations and the operation picker. */

import type { INodeProperties } from 'n8n-workflow';

import { crudOperations, operationPicker } from '../common/operation-picker';
import * as addLink from './addLink.operation';
import * as create from './create.operation';
import * as deleteSegment from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as removeLink from './removeLink.operation';
import * as update from './update.operation';

export { addLink, create, deleteSegment as delete, get, getMany, removeLink, update };

export const description: INodeProperties[] = [
	operationPicker(
		'segment',
		[
			...crudOperations('segment', 'segments'),
			{ name: 'Add Link', value: 'addLink', description: 'Move a link into a segment', action: 'Add a link to a segment' },
			{ name: 'Remove Link', value: 'removeLink', description: 'Take a link out of its segment', action: 'Remove a link from its segment' },
		],
		'create',
	),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteSegment.description,
	...addLink.description,
	...removeLink.description,
];
