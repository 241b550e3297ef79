/** Click → Get Many: individual click events, newest first. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collect, type Device } from '../../../../core';
import { analyticsScopeFields, readAnalyticsScope } from '../common/analytics-scope';
import { asJson, runPerItem } from '../common/execution';
import { limitField, returnAllField } from '../common/fields';

const properties: INodeProperties[] = [
	...analyticsScopeFields,
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'DE', description: 'Two-letter country code' },
			{
				displayName: 'Device',
				name: 'device',
				type: 'options',
				options: [
					{ name: 'Bot', value: 'bot' },
					{ name: 'Desktop', value: 'desktop' },
					{ name: 'Mobile', value: 'mobile' },
					{ name: 'Other', value: 'other' },
					{ name: 'Tablet', value: 'tablet' },
				],
				default: 'mobile',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['click'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const scope = await readAnalyticsScope(this, itemIndex, client);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
		const query = { ...scope, country: filters.country as string, device: filters.device as Device };
		return (await collect(client.analytics.clicks(query, { returnAll, limit }))).map(asJson);
	});
}
