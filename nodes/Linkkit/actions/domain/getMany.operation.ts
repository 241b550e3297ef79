/** Domain → Get Many: the workspace's custom domains, newest first. */

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../common/execution';
import { emitWhole, pagingFields, readPaging } from '../common/get-many';

export const description = updateDisplayOptions({ show: { resource: ['domain'], operation: ['getMany'] } }, pagingFields);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => readPaging(this, itemIndex),
		run: async (client, paging) => emitWhole(await client.account.domains(), paging),
	});
}
