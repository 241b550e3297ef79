/** Analytics → Get Timeseries: clicks per hour, day, week or month, one output item per period. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Interval } from '../../../../core';
import { analyticsScopeFields, readAnalyticsScope } from '../common/analytics-scope';
import { asJson, runPerItem } from '../common/execution';

const properties: INodeProperties[] = [
	...analyticsScopeFields,
	{
		displayName: 'Interval',
		name: 'interval',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Hour', value: 'hour' },
			{ name: 'Month', value: 'month' },
			{ name: 'Week', value: 'week' },
		],
		default: 'day',
		description: 'How long each period of the series is',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['getTimeseries'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const scope = await readAnalyticsScope(this, itemIndex, client);
		const interval = this.getNodeParameter('interval', itemIndex) as Interval;
		return (await client.analytics.timeseries({ ...scope, interval })).data.map(asJson);
	});
}
