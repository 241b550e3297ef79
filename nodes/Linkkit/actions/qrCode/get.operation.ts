/** QR Code → Get. */

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { idOf } from '../common/locators';
import { qrCodePicker } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['qrCode'], operation: ['get'] } }, [qrCodePicker]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => idOf(this.getNodeParameter('qrCodeId', itemIndex), 'qrCodeId', 'qrCode'),
		run: async (client, id) => asJson(await client.qrCodes.get(id)),
	});
}
