/** Field definitions several operations show the same way, so they read and behave alike everywhere. */

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DatePreset, DateRangeInput } from '../../../../core';

export const DEFAULT_MAX_WAIT_SECONDS = 60;
export const DEFAULT_MAX_RETRIES = 5;
/** Reads use the core's own request timeout, which is the same 30 s. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** The write options every write shows: how often to try again, how long to wait for an answer and on the rate limit. */
export const writeOptions: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How many times to try a request again when Linkkit is busy (rate limit), briefly unavailable, or does not answer in time. A create whose answer was lost is looked for before it is sent again, so retrying never creates anything twice.',
	},
	{
		displayName: 'Max Wait on Rate Limit (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_MAX_WAIT_SECONDS,
		description:
			'The longest the node waits in one go when Linkkit asks it to slow down. If Linkkit asks for a longer pause, the item fails with a clear message instead of hanging.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 300 },
		default: DEFAULT_TIMEOUT_SECONDS,
		description:
			'How long to wait for Linkkit to answer one request. A request without an answer by then is abandoned and, when that is safe, tried again (counts toward Max Retries).',
	},
];

/** "Options" of a write, with the operation's own options first (n8n lists a collection's options as given). */
export function optionsField(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: byLabel([...extra, ...writeOptions]),
	};
}

export const writeOptionsField: INodeProperties = optionsField();

/**
 * An ID from the user's own data, so that the same item run again in a NEW execution (which n8n cannot tie to the
 * first one) gets what was created the first time (see execution-identity.ts).
 */
export const duplicateProtectionIdOption: INodeProperties = {
	displayName: 'Duplicate Protection ID',
	name: 'duplicateProtectionId',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.rowNumber }}',
	description:
		"An ID that identifies this item in your data, such as a row or order ID. When an item with the same ID and the same details reaches this node again — for example you run the workflow again after an execution was lost, or the same webhook arrives twice — you get the link created the first time instead of a second one. Without it, only repeats within the same execution are recognised (Retry On Fail, and n8n's Retry of a failed execution). Used when this node derives the short code (Short Code empty); a Short Code you give protects by itself.",
};

export const UTM_FIELD_LABELS: Record<string, string> = {
	utm_source: 'UTM Source',
	utm_medium: 'UTM Medium',
	utm_campaign: 'UTM Campaign',
	utm_term: 'UTM Term',
	utm_content: 'UTM Content',
	ref: 'Ref',
};

const datePresetLabels: Record<DatePreset, { name: string; description?: string }> = {
	all: { name: 'All Time', description: 'No date range' },
	custom: { name: 'Custom', description: 'From and To below (UTC when no time zone is given)' },
	last7Days: { name: 'Last 7 Days', description: 'The 7 × 24 hours up to now' },
	last30Days: { name: 'Last 30 Days', description: 'The 30 × 24 hours up to now' },
	last90Days: { name: 'Last 90 Days', description: 'The 90 × 24 hours up to now' },
	lastMonth: { name: 'Last Month', description: 'The previous calendar month (UTC)' },
	thisMonth: { name: 'This Month', description: 'From the 1st of this month (UTC) up to now' },
	today: { name: 'Today', description: 'From midnight UTC up to now' },
	yesterday: { name: 'Yesterday', description: 'The previous day, midnight to midnight UTC' },
};

/** Date Range (a preset or Custom) with From and To for Custom; both ends included, as Linkkit reads them. */
export function dateRangeFields(defaultPreset: DatePreset): INodeProperties[] {
	return [
		{
			displayName: 'Date Range',
			name: 'dateRange',
			type: 'options',
			options: Object.entries(datePresetLabels)
				.map(([value, label]) => ({ value, ...label }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultPreset,
		},
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Start of the period, included (UTC when no time zone is given)',
			displayOptions: { show: { dateRange: ['custom'] } },
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'End of the period, included (UTC when no time zone is given). Leave empty for up to now.',
			displayOptions: { show: { dateRange: ['custom'] } },
		},
	];
}

/** The date range fields of one item in the core's terms (the core resolves and checks them). */
export function readDateRange(ctx: IExecuteFunctions, itemIndex: number): DateRangeInput {
	const preset = ctx.getNodeParameter('dateRange', itemIndex, 'all') as DatePreset;
	if (preset !== 'custom') return { preset };
	return { preset, from: ctx.getNodeParameter('from', itemIndex, '') as string, to: ctx.getNodeParameter('to', itemIndex, '') as string };
}

/** A collection's options as n8n lists them best: alphabetically by label (n8n shows them in the order given). */
export function byLabel(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
