/** The date range and segment filter that both analytics searches offer. */
import { datePresets } from '../../../core';
import { segmentField } from './dropdowns';

const presetLabels: Record<(typeof datePresets)[number], string> = {
	today: 'Today',
	yesterday: 'Yesterday',
	last7Days: 'Last 7 Days',
	last30Days: 'Last 30 Days',
	last90Days: 'Last 90 Days',
	thisMonth: 'This Month',
	lastMonth: 'Last Month',
	custom: 'Custom (use From and To)',
};

export const analyticsRangeFields = [
	segmentField({ required: false, helpText: 'Count only visitors in this segment. Leave empty for all visitors.' }),
	{
		key: 'dateRange',
		label: 'Date Range',
		required: true,
		default: 'last30Days',
		choices: datePresets.map((value) => ({ value, label: presetLabels[value], sample: value })),
		helpText: 'The period to count clicks in, in UTC.',
	},
	{ key: 'from', label: 'From', type: 'datetime' as const, required: false, helpText: 'Start of the period, when Date Range is Custom.' },
	{ key: 'to', label: 'To', type: 'datetime' as const, required: false, helpText: 'End of the period, when Date Range is Custom.' },
];
