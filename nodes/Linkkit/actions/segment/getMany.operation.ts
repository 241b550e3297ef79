/** Segment → Get Many: newest first, with optional filters. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collect } from '../../../../core';
import { asJson, runPerItem } from '../common/execution';
import { createdAfterField, createdBeforeField, limitField, returnAllField } from '../common/fields';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			createdAfterField,
			createdBeforeField,
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Text to look for in the name (not case-sensitive)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
		const query = { search: filters.search as string, createdAfter: filters.createdAfter as string, createdBefore: filters.createdBefore as string };
		return (await collect(client.segments.iterate(query, { returnAll, limit }))).map(asJson);
	});
}
