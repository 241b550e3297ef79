/**
 * Analytics → Get Timeseries: a link's clicks per hour, day, week or month (UTC; weeks start on Monday), oldest first,
 * empty periods included, one output item per period. Computed from the link's click events (`computed: true`).
 */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Interval } from '../../../../core';
import { asJson, runPerItem } from '../common/execution';
import { linkAnalyticsFields, readLinkPeriod } from './link-fields';

const properties: INodeProperties[] = [
	...linkAnalyticsFields,
	{
		displayName: 'Interval',
		name: 'interval',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Hour', value: 'hour' },
			{ name: 'Month', value: 'month' },
			{ name: 'Week', value: 'week', description: 'Weeks start on Monday (UTC)' },
		],
		default: 'day',
		description: 'How long each period of the series is',
	},
	{
		displayName: "Computed by this node from the link's click events (Linkkit's API has no timeseries): one item per period, oldest first, periods without clicks included",
		name: 'computedNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['getTimeseries'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => ({ ...readLinkPeriod(this, itemIndex), interval: this.getNodeParameter('interval', itemIndex) as Interval }),
		run: async (client, { code, range, interval }) => {
			const { rows } = await client.analytics.timeseries(code, interval, range);
			return rows.map((row) => asJson({ short_code: code, interval, ...row, computed: true }));
		},
	});
}
