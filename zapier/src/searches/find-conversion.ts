import { collect, inputError, isBlank } from '../../../core';
import { optionalText } from '../inputs';
import { conversionOutputFields } from '../output-fields/events';
import { conversionOutput } from '../outputs/conversion';
import { conversionType } from '../polling/link-feeds';
import { linkkitPerform } from '../perform';
import { conversionSample } from '../samples/events';
import { conversionTypeField } from '../triggers/new-conversion';

const inputFields = [
	{ key: 'customer_external_id', label: 'Customer ID', required: false, helpText: 'Your own identifier for the customer, as sent with the lead or sale.' },
	{ key: 'invoice_id', label: 'Invoice ID', required: false, helpText: 'The invoice or order number of a sale.' },
	{ ...conversionTypeField, helpText: 'Only leads or only sales. Leave empty for either.' },
];

export const findConversion = {
	key: 'find_conversion',
	noun: 'Conversion',
	display: { label: 'Find Conversion', description: "Finds the newest lead or sale of a customer, or a sale by its invoice number." },
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const data = bundle.inputData;
			if (isBlank(data.customer_external_id) && isBlank(data.invoice_id)) {
				throw inputError('customer_external_id', 'or Invoice ID is needed: give the customer or the invoice to look for');
			}
			const filters = { customer_external_id: optionalText(data.customer_external_id), invoice_id: optionalText(data.invoice_id), type: conversionType(data.type) };
			return (await collect(client.conversions.iterate(filters, { limit: 1 }))).map(conversionOutput);
		}),
		sample: conversionSample,
		outputFields: conversionOutputFields,
	},
};
