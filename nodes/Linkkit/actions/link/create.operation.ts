/** Link → Create: one short link per input item. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LinkInput } from '../../../../core';
import { asJson, CREATE_CONCURRENCY, idempotencyKeyFor, runPerItem } from '../common/execution';
import { createOptionsField } from '../common/fields';
import { additionalLinkFields, destinationField, readCheckedLinkCreate } from './fields';

const properties: INodeProperties[] = [destinationField, additionalLinkFields, createOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['create'] } }, properties);

/** Every item is checked first; then up to CREATE_CONCURRENCY requests are in flight, paced to the rate limit. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem<LinkInput>(
		this,
		async (itemIndex, client, input, proceed) =>
			asJson(await client.links.create(input, { idempotencyKey: idempotencyKeyFor(this, 'link.create', itemIndex, input), proceed })),
		{ concurrency: CREATE_CONCURRENCY, prepare: (itemIndex) => readCheckedLinkCreate(this, itemIndex) },
	);
}
