/** The QR Code resource. Linkkit documents no image download and no scan counts for QR codes. */

import type { INodeProperties } from 'n8n-workflow';

import { crudOperations, operationPicker } from '../common/operation-picker';
import * as create from './create.operation';
import * as deleteOne from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteOne as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationPicker('qrCode', crudOperations('QR code', 'QR codes'), 'create'),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOne.description,
];
