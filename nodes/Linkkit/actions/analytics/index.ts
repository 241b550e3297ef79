/** The Analytics resource: workspace totals, a link's click events, and breakdowns and timeseries computed from them. */

import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../common/operation-picker';
import * as getBreakdown from './getBreakdown.operation';
import * as getLinkClicks from './getLinkClicks.operation';
import * as getSummary from './getSummary.operation';
import * as getTimeseries from './getTimeseries.operation';

export { getBreakdown, getLinkClicks, getSummary, getTimeseries };

export const description: INodeProperties[] = [
	operationPicker(
		'analytics',
		[
			{
				name: 'Get Breakdown',
				value: 'getBreakdown',
				description: "Get a link's clicks by country, city, device, browser, OS or referrer (computed from its clicks)",
				action: 'Get a click breakdown',
			},
			{ name: 'Get Link Clicks', value: 'getLinkClicks', description: "Get a link's click events, newest first", action: 'Get the clicks of a link' },
			{ name: 'Get Summary', value: 'getSummary', description: 'Get the workspace totals: links created and clicks', action: 'Get a summary' },
			{
				name: 'Get Timeseries',
				value: 'getTimeseries',
				description: "Get a link's clicks per hour, day, week or month (computed from its clicks)",
				action: 'Get clicks over time',
			},
		],
		'getSummary',
	),
	...getSummary.description,
	...getLinkClicks.description,
	...getBreakdown.description,
	...getTimeseries.description,
];
