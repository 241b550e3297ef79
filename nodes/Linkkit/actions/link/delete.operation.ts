/** Link → Delete: the short link stops redirecting. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { resolveLinkId } from '../common/locators';
import { linkPicker } from './get.operation';

const properties: INodeProperties[] = [linkPicker, writeOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const id = await resolveLinkId(client, this.getNodeParameter('linkId', itemIndex));
		return await client.links.delete(id);
	});
}
