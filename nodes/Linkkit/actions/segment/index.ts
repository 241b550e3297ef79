/** The Segment resource: its operations and the operation picker. */

import type { INodeProperties } from 'n8n-workflow';

import { crudOperations, operationPicker } from '../common/operation-picker';
import * as create from './create.operation';
import * as deleteSegment from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteSegment as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationPicker('segment', crudOperations('segment', 'segments'), 'create'),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteSegment.description,
];
