/** The Campaign resource: its operations and the operation picker. */

import type { INodeProperties } from 'n8n-workflow';

import { crudOperations, operationPicker } from '../common/operation-picker';
import * as create from './create.operation';
import * as deleteCampaign from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteCampaign as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationPicker('campaign', crudOperations('campaign', 'campaigns'), 'create'),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteCampaign.description,
];
