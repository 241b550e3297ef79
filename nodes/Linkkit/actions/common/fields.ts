/** Field definitions several operations show the same way, so they read and behave alike everywhere. */

import type { INodeProperties } from 'n8n-workflow';

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

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a simplified version of the response instead of the raw data. Simplified links keep ID, short URL, domain, slug, destination, title, tags, campaign, clicks and dates, and leave out description, UTM and segment-route details.',
};

/** "Options" on every write: how often to try again, how long to wait for an answer and to sit out the rate limit. */
export const writeOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_MAX_RETRIES,
			description:
				'How many times to try a request again when Linkkit is busy (rate limit), briefly unavailable, or does not answer in time. Retrying never creates, changes or deletes anything twice.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 300 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description:
				'How long to wait for Linkkit to answer one request. A request without an answer by then is abandoned and tried again (counts toward Max Retries).',
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
	],
};

/**
 * "Options" of the creates: the write options plus an ID from the user's own data, so that running the same item
 * again in a new execution (which n8n cannot link to the first one) returns what was already created.
 */
export const createOptionsField: INodeProperties = {
	...writeOptionsField,
	options: [
		{
			displayName: 'Duplicate Protection ID',
			name: 'duplicateProtectionId',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.rowNumber }}',
			description:
				"An ID that identifies this item in your data, such as a row or order ID. When an item with the same ID and the same details reaches this node again within 24 hours — for example you run the workflow again after an execution was lost, or the same webhook arrives twice — Linkkit returns what it created the first time instead of a duplicate. Without it, only repeats within the same execution (Retry On Fail, n8n's Retry of a failed execution) are recognised.",
		},
		...(writeOptionsField.options ?? []),
	],
};

/** The five UTM fields, flat inside a collection (n8n users map them one by one). */
export const utmFields: INodeProperties[] = [
	{ displayName: 'UTM Campaign', name: 'utmCampaign', type: 'string', default: '', placeholder: 'spring_sale', description: 'Sent as utm_campaign' },
	{ displayName: 'UTM Content', name: 'utmContent', type: 'string', default: '', placeholder: 'banner_top', description: 'Sent as utm_content' },
	{ displayName: 'UTM Medium', name: 'utmMedium', type: 'string', default: '', placeholder: 'email', description: 'Sent as utm_medium' },
	{ displayName: 'UTM Source', name: 'utmSource', type: 'string', default: '', placeholder: 'newsletter', description: 'Sent as utm_source' },
	{ displayName: 'UTM Term', name: 'utmTerm', type: 'string', default: '', placeholder: 'running shoes', description: 'Sent as utm_term' },
];

/** The flat UTM fields of a collection as the core's `utm` object; blank ones are left out by the core. */
export function utmFrom(fields: Record<string, unknown>): Record<string, unknown> | undefined {
	const utm = {
		source: fields.utmSource,
		medium: fields.utmMedium,
		campaign: fields.utmCampaign,
		term: fields.utmTerm,
		content: fields.utmContent,
	};
	return Object.values(utm).some((v) => v !== undefined) ? utm : undefined;
}

export const createdAfterField: INodeProperties = {
	displayName: 'Created After',
	name: 'createdAfter',
	type: 'dateTime',
	default: '',
	description: 'Only items created after this moment (UTC when no time zone is given)',
};

export const createdBeforeField: INodeProperties = {
	displayName: 'Created Before',
	name: 'createdBefore',
	type: 'dateTime',
	default: '',
	description: 'Only items created before this moment (UTC when no time zone is given)',
};
