/** The Analytics resource: click totals, series and breakdowns. */

import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../common/operation-picker';
import * as getBreakdown from './getBreakdown.operation';
import * as getSummary from './getSummary.operation';
import * as getTimeseries from './getTimeseries.operation';

export { getBreakdown, getSummary, getTimeseries };

export const description: INodeProperties[] = [
	operationPicker(
		'analytics',
		[
			{
				name: 'Get Breakdown',
				value: 'getBreakdown',
				description: 'Get clicks split by country, device, browser, referrer or link',
				action: 'Get a click breakdown',
			},
			{ name: 'Get Summary', value: 'getSummary', description: 'Get total clicks and unique visitors', action: 'Get a click summary' },
			{ name: 'Get Timeseries', value: 'getTimeseries', description: 'Get clicks per hour, day, week or month', action: 'Get clicks over time' },
		],
		'getSummary',
	),
	...getSummary.description,
	...getTimeseries.description,
	...getBreakdown.description,
];
