/** Campaign → Get. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { readLocator } from '../common/locators';
import { campaignPicker } from './fields';

const properties: INodeProperties[] = [campaignPicker];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const id = readLocator(this.getNodeParameter('campaignId', itemIndex)).value;
		return asJson(await client.campaigns.get(id));
	});
}
