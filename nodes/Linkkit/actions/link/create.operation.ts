/** Link → Create: one short link per input item. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, idempotencyKeyFor, runPerItem } from '../common/execution';
import { createOptionsField } from '../common/fields';
import { additionalLinkFields, destinationField, readLinkCreate } from './fields';

const properties: INodeProperties[] = [destinationField, additionalLinkFields, createOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const input = readLinkCreate(this, itemIndex);
		const link = await client.links.create(input, { idempotencyKey: idempotencyKeyFor(this, 'link.create', itemIndex, input) });
		return asJson(link);
	});
}
