/** QR Code → Get Many: the workspace's QR codes, newest first. */

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../common/execution';
import { emitMany, pagingFields, readPaging } from '../common/get-many';

export const description = updateDisplayOptions({ show: { resource: ['qrCode'], operation: ['getMany'] } }, pagingFields);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => readPaging(this, itemIndex),
		run: async (client, paging) => await emitMany(client.qrCodes.iterate(paging)),
	});
}
