/** Campaign → Create. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, idempotencyKeyFor, runPerItem } from '../common/execution';
import { createOptionsField } from '../common/fields';
import { additionalCampaignFields, campaignInputFrom, nameField } from './fields';

const properties: INodeProperties[] = [nameField, additionalCampaignFields, createOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const input = campaignInputFrom(fields, this.getNodeParameter('name', itemIndex));
		return asJson(await client.campaigns.create(input, { idempotencyKey: idempotencyKeyFor(this, 'campaign.create', itemIndex, input) }));
	});
}
