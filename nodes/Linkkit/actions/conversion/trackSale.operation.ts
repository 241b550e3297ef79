/** Conversion → Track Sale: records a sale (amount in cents) for a customer, optionally tied to the click that brought them. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { byLabel, writeOptionsField } from '../common/fields';
import { clickIdField, customerExternalIdField, customerFields, PUBLISHABLE_KEY_NOTICE, runTrack, trackInputFrom } from './track';

const properties: INodeProperties[] = [
	PUBLISHABLE_KEY_NOTICE,
	customerExternalIdField,
	{
		displayName: 'Amount (Cents)',
		name: 'amount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0 },
		default: 0,
		placeholder: '4999',
		description: 'The sale amount in cents: 4999 for 49.99',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byLabel([
			clickIdField,
			{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'usd', description: 'ISO 4217 code such as usd or eur (Linkkit\'s default: usd)' },
			...customerFields,
			{ displayName: 'Invoice ID', name: 'invoiceId', type: 'string', default: '', placeholder: 'inv_abc123', description: 'Your invoice ID for the sale' },
			{ displayName: 'Payment Processor', name: 'paymentProcessor', type: 'string', default: '', placeholder: 'stripe' },
		]),
	},
	writeOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['conversion'], operation: ['trackSale'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runTrack(this, 'sale', (itemIndex) =>
		trackInputFrom(this.getNodeParameter('customerExternalId', itemIndex), this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, {
			amount: this.getNodeParameter('amount', itemIndex),
		}),
	);
}
