/** QR Code → Update: changes only the fields given. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { byLabel, writeOptionsField } from '../common/fields';
import { idOf } from '../common/locators';
import { qrCodeDetailFields, qrCodeInputFrom, qrCodePicker } from './fields';

const properties: INodeProperties[] = [
	qrCodePicker,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byLabel([
			...qrCodeDetailFields,
			{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'https://example.com/menu', description: 'The new address the code opens' },
		]),
	},
	writeOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['qrCode'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => ({
			id: idOf(this.getNodeParameter('qrCodeId', itemIndex), 'qrCodeId', 'qrCode'),
			input: qrCodeInputFrom(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
		}),
		run: async (client, { id, input }) => asJson(await client.qrCodes.update(id, input)),
	});
}
