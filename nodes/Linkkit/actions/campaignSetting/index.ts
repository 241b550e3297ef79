/** The Campaign Setting resource (the API's UTM templates). */

import type { INodeProperties } from 'n8n-workflow';

import { crudOperations, operationPicker } from '../common/operation-picker';
import * as create from './create.operation';
import * as deleteOne from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteOne as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationPicker('campaignSetting', crudOperations('campaign setting', 'campaign settings'), 'create'),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOne.description,
];
