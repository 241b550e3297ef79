/**
 * Track Lead and Track Sale: recording a conversion the way a website would, with the workspace's publishable key
 * (the credential's optional Publishable Key), never the API key. Recording has no safe repeat: the core looks for a
 * lost answer's conversion before sending again, and each recorded conversion is written down in the execution so a
 * repeat of the node run (Retry On Fail, n8n's Retry of a failed execution) gets it back instead of a second one.
 */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { TrackInput } from '../../../../core';
import { asJson, runPerItem } from '../common/execution';
import { ledgerKey, onceInRun } from '../common/execution-ledger';

export const PUBLISHABLE_KEY_NOTICE: INodeProperties = {
	displayName: "Recording uses your workspace's publishable key (pk_…), from the Linkkit credential's Publishable Key field",
	name: 'publishableKeyNotice',
	type: 'notice',
	default: '',
};

export const customerExternalIdField: INodeProperties = {
	displayName: 'Customer External ID',
	name: 'customerExternalId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'cus_123',
	description: 'Your own ID for the customer (Linkkit: customer_external_id)',
};

export const clickIdField: INodeProperties = {
	displayName: 'Click ID (Lkclid)',
	name: 'lkclid',
	type: 'string',
	default: '',
	placeholder: '5d4b7f2c-1e88-4c71-9e0a-3f6c1a9e8b2d',
	description: 'The lkclid Linkkit added to the destination URL of the click that brought the customer: ties the conversion to the click and its link',
};

export const customerFields: INodeProperties[] = [
	{ displayName: 'Customer Email', name: 'customerEmail', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'Customer Name', name: 'customerName', type: 'string', default: '' },
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'json',
		default: '{}',
		description: 'Extra data to keep with the conversion, as a JSON object',
	},
];

/** The track fields of one item in the core's (the API's) terms; the core checks every one. */
export function trackInputFrom(customerExternalId: unknown, fields: IDataObject, extra: Partial<TrackInput> = {}): TrackInput {
	const metadata = fields.metadata === '{}' || (typeof fields.metadata === 'object' && fields.metadata && Object.keys(fields.metadata).length === 0) ? undefined : fields.metadata;
	return {
		customer_external_id: customerExternalId,
		lkclid: fields.lkclid,
		event_name: fields.eventName,
		customer_name: fields.customerName,
		customer_email: fields.customerEmail,
		metadata,
		currency: fields.currency,
		invoice_id: fields.invoiceId,
		payment_processor: fields.paymentProcessor,
		...extra,
	};
}

export async function runTrack(ctx: IExecuteFunctions, type: 'lead' | 'sale', read: (itemIndex: number) => TrackInput): Promise<INodeExecutionData[]> {
	return await runPerItem(ctx, {
		read,
		run: async (client, input, itemIndex) =>
			await onceInRun(ctx, ledgerKey(`conversion.track.${type}`, itemIndex, input), async () =>
				asJson(type === 'sale' ? await client.conversions.trackSale(input) : await client.conversions.trackLead(input)),
			),
	});
}
