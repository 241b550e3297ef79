/**
 * Analytics → Get Breakdown: a link's clicks grouped by country, city, device, browser, OS or referrer, most first,
 * one output item per value. Linkkit's API has no breakdowns: they are computed from the link's click events (all of
 * them in the period), and every item says so (`computed: true`).
 */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ClickDimension } from '../../../../core';
import { asJson, runPerItem } from '../common/execution';
import { linkAnalyticsFields, readLinkPeriod } from './link-fields';

const properties: INodeProperties[] = [
	...linkAnalyticsFields,
	{
		displayName: 'Break Down By',
		name: 'dimension',
		type: 'options',
		options: [
			{ name: 'Browser', value: 'browser' },
			{ name: 'City', value: 'city' },
			{ name: 'Country', value: 'country' },
			{ name: 'Device', value: 'device' },
			{ name: 'Operating System', value: 'os' },
			{ name: 'Referrer', value: 'referer', description: 'Which sites visitors came from (Linkkit: referer)' },
		],
		default: 'country',
	},
	{
		displayName: "Computed by this node from the link's click events in the period (Linkkit's API has no breakdowns), one item per value, most clicks first",
		name: 'computedNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['getBreakdown'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => ({ ...readLinkPeriod(this, itemIndex), dimension: this.getNodeParameter('dimension', itemIndex) as ClickDimension }),
		run: async (client, { code, range, dimension }) => {
			const { rows, total, period } = await client.analytics.breakdown(code, dimension, range);
			return rows.map((row) => asJson({ short_code: code, dimension, ...row, total_clicks: total, ...period, computed: true }));
		},
	});
}
