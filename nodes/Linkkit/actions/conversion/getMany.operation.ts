/** Conversion → Get Many: recorded leads and sales, newest first, with optional filters and a date range. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ConversionFilters, ConversionType } from '../../../../core';
import { runPerItem } from '../common/execution';
import { dateRangeFields, readDateRange } from '../common/fields';
import { emitMany, filtersField, pagingFields, readFilters, readPaging } from '../common/get-many';

const properties: INodeProperties[] = [
	...pagingFields,
	...dateRangeFields('all'),
	filtersField([
		{ displayName: 'Customer External ID', name: 'customerExternalId', type: 'string', default: '', placeholder: 'cus_123', description: 'Only conversions of this customer (your own ID for them)' },
		{ displayName: 'Invoice ID', name: 'invoiceId', type: 'string', default: '', placeholder: 'inv_abc123', description: 'Only the sale with this invoice ID' },
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Lead', value: 'lead' },
				{ name: 'Sale', value: 'sale' },
			],
			default: 'lead',
			description: 'Only leads or only sales',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['conversion'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => {
			const filters = readFilters(this, itemIndex);
			const query: ConversionFilters = {
				...readDateRange(this, itemIndex),
				customer_external_id: filters.customerExternalId as string | undefined,
				invoice_id: filters.invoiceId as string | undefined,
				type: filters.type as ConversionType | undefined,
			};
			return { query, paging: readPaging(this, itemIndex) };
		},
		run: async (client, { query, paging }) => await emitMany(client.conversions.iterate(query, paging)),
	});
}
