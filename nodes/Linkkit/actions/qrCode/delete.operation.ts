/** QR Code → Delete. */

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { idOf } from '../common/locators';
import { qrCodePicker } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['qrCode'], operation: ['delete'] } }, [qrCodePicker, writeOptionsField]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => idOf(this.getNodeParameter('qrCodeId', itemIndex), 'qrCodeId', 'qrCode'),
		run: async (client, id) => await client.qrCodes.delete(id),
	});
}
