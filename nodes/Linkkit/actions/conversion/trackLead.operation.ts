/** Conversion → Track Lead: records a lead (e.g. a sign-up) for a customer, optionally tied to the click that brought them. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { byLabel, writeOptionsField } from '../common/fields';
import { clickIdField, customerExternalIdField, customerFields, PUBLISHABLE_KEY_NOTICE, runTrack, trackInputFrom } from './track';

const properties: INodeProperties[] = [
	PUBLISHABLE_KEY_NOTICE,
	customerExternalIdField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byLabel([
			clickIdField,
			...customerFields,
			{ displayName: 'Event Name', name: 'eventName', type: 'string', default: '', placeholder: 'Trial Started', description: 'What the lead did (Linkkit\'s default: "Lead")' },
		]),
	},
	writeOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['conversion'], operation: ['trackLead'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runTrack(this, 'lead', (itemIndex) =>
		trackInputFrom(this.getNodeParameter('customerExternalId', itemIndex), this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	);
}
