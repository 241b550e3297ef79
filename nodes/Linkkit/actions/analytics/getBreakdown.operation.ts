/** Analytics → Get Breakdown: clicks split by country, device, browser and so on, one output item per value. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Dimension } from '../../../../core';
import { analyticsScopeFields, readAnalyticsScope } from '../common/analytics-scope';
import { asJson, runPerItem } from '../common/execution';

const properties: INodeProperties[] = [
	...analyticsScopeFields,
	{
		displayName: 'Break Down By',
		name: 'dimension',
		type: 'options',
		options: [
			{ name: 'Browser', value: 'browser' },
			{ name: 'City', value: 'city' },
			{ name: 'Country', value: 'country' },
			{ name: 'Device', value: 'device' },
			{ name: 'Link', value: 'link', description: 'Which links were clicked most. With Scope set to One Link, this is always a single row.' },
			{ name: 'Operating System', value: 'os' },
			{ name: 'Referrer', value: 'referrer', description: 'Which sites visitors came from' },
		],
		default: 'country',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['getBreakdown'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const scope = await readAnalyticsScope(this, itemIndex, client);
		const dimension = this.getNodeParameter('dimension', itemIndex) as Dimension;
		const limit = this.getNodeParameter('limit', itemIndex) as number;
		return (await client.analytics.breakdown({ ...scope, dimension, limit })).data.map(asJson);
	});
}
