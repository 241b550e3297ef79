/** Campaign → Get Many: newest first, with optional filters. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collect, type CampaignStatus } from '../../../../core';
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
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Archived', value: 'archived' },
					{ name: 'Paused', value: 'paused' },
				],
				default: 'active',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
		const query = {
			search: filters.search as string,
			status: filters.status as CampaignStatus,
			createdAfter: filters.createdAfter as string,
			createdBefore: filters.createdBefore as string,
		};
		return (await collect(client.campaigns.iterate(query, { returnAll, limit }))).map(asJson);
	});
}
