/**
 * Track Lead and Track Sale: record a conversion the way a website would, with the workspace's publishable key from
 * the connection. A lost answer is looked for among the customer's conversions before anything is sent again (core).
 */
import { given } from '../inputs';
import { conversionOutputFields } from '../output-fields/events';
import { conversionOutput } from '../outputs/conversion';
import { linkkitPerform } from '../perform';
import { conversionSample } from '../samples/events';

const customerField = {
	key: 'customer_external_id',
	label: 'Customer ID',
	required: true,
	helpText: 'Your own identifier for the customer, e.g. their ID in your shop or CRM.',
};
const clickIdField = {
	key: 'lkclid',
	label: 'Click ID',
	required: false,
	helpText: 'The lkclid value Linkkit added to the destination URL when the visitor clicked; it credits the conversion to that click and its link.',
};
const eventField = (example: string) => ({ key: 'event_name', label: 'Event Name', required: false, helpText: `What happened, e.g. ${example}.` });
const personFields = [
	{ key: 'customer_name', label: 'Customer Name', required: false, helpText: "The customer's name." },
	{ key: 'customer_email', label: 'Customer Email', required: false, helpText: "The customer's email address." },
	{ key: 'metadata', label: 'Metadata', dict: true, required: false, helpText: 'Extra details to keep with the conversion, as names and values.' },
];

const LEAD_KEYS = ['customer_external_id', 'lkclid', 'event_name', 'customer_name', 'customer_email', 'metadata'];

const leadFields = [customerField, clickIdField, eventField('Signup'), ...personFields];

export const trackLead = {
	key: 'track_lead',
	noun: 'Lead',
	display: { label: 'Track Lead', description: 'Records a lead (a signup, a form entry), credited to the click that brought it.' },
	operation: {
		inputFields: leadFields,
		perform: linkkitPerform(leadFields, async (client, bundle) => conversionOutput(await client.conversions.trackLead(given(bundle.inputData, LEAD_KEYS)))),
		sample: { ...conversionSample, type: 'lead' as const, event_name: 'Signup', amount: null, currency: null, invoice_id: null },
		outputFields: conversionOutputFields,
	},
};

const saleFields = [
	customerField,
	{ key: 'amount', label: 'Amount (Cents)', type: 'integer' as const, required: true, helpText: 'The sale amount in cents, e.g. 4999 for 49.99.' },
	{ key: 'currency', label: 'Currency', required: false, helpText: 'A three-letter currency code, e.g. eur. Leave empty for usd.' },
	clickIdField,
	eventField('Purchase'),
	{ key: 'invoice_id', label: 'Invoice ID', required: false, helpText: 'Your invoice or order number.' },
	{ key: 'payment_processor', label: 'Payment Processor', required: false, helpText: 'Who took the payment, e.g. stripe.' },
	...personFields,
];

export const trackSale = {
	key: 'track_sale',
	noun: 'Sale',
	display: { label: 'Track Sale', description: 'Records a sale with its amount, credited to the click that brought it.' },
	operation: {
		inputFields: saleFields,
		perform: linkkitPerform(saleFields, async (client, bundle) =>
			conversionOutput(await client.conversions.trackSale(given(bundle.inputData, [...LEAD_KEYS, 'amount', 'currency', 'invoice_id', 'payment_processor']))),
		),
		sample: conversionSample,
		outputFields: conversionOutputFields,
	},
};
