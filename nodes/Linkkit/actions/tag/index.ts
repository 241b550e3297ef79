/** The Tag resource. Linkkit documents no way to attach a tag to a link. */

import type { INodeProperties } from 'n8n-workflow';

import { crudOperations, operationPicker } from '../common/operation-picker';
import * as create from './create.operation';
import * as deleteOne from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteOne as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationPicker('tag', crudOperations('tag', 'tags'), 'create'),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOne.description,
];
