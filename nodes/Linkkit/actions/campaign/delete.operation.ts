/** Campaign → Delete. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { readLocator } from '../common/locators';
import { campaignPicker } from './fields';

const properties: INodeProperties[] = [campaignPicker, writeOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		return await client.campaigns.delete(readLocator(this.getNodeParameter('campaignId', itemIndex)).value);
	});
}
