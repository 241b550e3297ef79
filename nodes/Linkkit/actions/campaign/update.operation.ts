/** Campaign → Update: changes only the fields given. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { readLocator } from '../common/locators';
import { campaignInputFrom, campaignPicker, campaignUpdateFields } from './fields';

const properties: INodeProperties[] = [campaignPicker, campaignUpdateFields, writeOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const id = readLocator(this.getNodeParameter('campaignId', itemIndex)).value;
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		return asJson(await client.campaigns.update(id, campaignInputFrom(fields)));
	});
}
