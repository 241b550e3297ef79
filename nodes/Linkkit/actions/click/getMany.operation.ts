/** Click → Get Many: individual click events, newest first. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Device } from '../../../../core';
import { analyticsScopeFields, readAnalyticsScope } from '../common/analytics-scope';
import { runPerItem } from '../common/execution';
import { emitMany, filtersField, pagingFields, readFilters, readPaging } from '../common/get-many';

const properties: INodeProperties[] = [
	...analyticsScopeFields,
	...pagingFields,
	filtersField([
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
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['click'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const scope = await readAnalyticsScope(this, itemIndex, client);
		const filters = readFilters(this, itemIndex);
		const query = { ...scope, country: filters.country as string, device: filters.device as Device };
		return await emitMany(client.analytics.clicks(query, readPaging(this, itemIndex)));
	});
}
