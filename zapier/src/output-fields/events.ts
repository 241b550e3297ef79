/** Labels for clicks, milestones, conversions and click stats. */
import { linkOutputFields, linkSummaryOutputFields, type OutputField } from './link';

export const clickOutputFields: OutputField[] = [
	{ key: 'id', label: 'Click ID', type: 'string' },
	{ key: 'clicked_at', label: 'Clicked At', type: 'datetime' },
	{ key: 'country', label: 'Country', type: 'string' },
	{ key: 'city', label: 'City', type: 'string' },
	{ key: 'device', label: 'Device', type: 'string' },
	{ key: 'browser', label: 'Browser', type: 'string' },
	{ key: 'os', label: 'Operating System', type: 'string' },
	{ key: 'referer', label: 'Referrer', type: 'string' },
	{ key: 'link_id', label: 'Link ID', type: 'string' },
	{ key: 'short_url', label: 'Short URL', type: 'string' },
	{ key: 'short_code', label: 'Short Code', type: 'string' },
	{ key: 'link_title', label: 'Link Title', type: 'string' },
];

export const milestoneOutputFields: OutputField[] = [
	{ key: 'id', label: 'Milestone ID', type: 'string' },
	{ key: 'milestone', label: 'Milestone (Clicks)', type: 'integer' },
	{ key: 'clicks', label: 'Clicks', type: 'integer' },
	{ key: 'link_id', label: 'Link ID', type: 'string' },
	...linkOutputFields.filter((f) => f.key !== 'id'),
];

export const conversionOutputFields: OutputField[] = [
	{ key: 'id', label: 'Conversion ID', type: 'string' },
	{ key: 'type', label: 'Type', type: 'string' },
	{ key: 'event_name', label: 'Event Name', type: 'string' },
	{ key: 'customer_external_id', label: 'Customer ID', type: 'string' },
	{ key: 'customer_name', label: 'Customer Name', type: 'string' },
	{ key: 'customer_email', label: 'Customer Email', type: 'string' },
	{ key: 'amount', label: 'Amount (Cents)', type: 'integer' },
	{ key: 'currency', label: 'Currency', type: 'string' },
	{ key: 'invoice_id', label: 'Invoice ID', type: 'string' },
	{ key: 'click_id', label: 'Click ID', type: 'string' },
	{ key: 'created_at', label: 'Created At', type: 'datetime' },
	// The user's own names and values: labelled as a whole (its inner keys differ per account).
	{ key: 'metadata', label: 'Metadata' },
	...linkSummaryOutputFields,
];

export const clickStatsOutputFields: OutputField[] = [
	{ key: 'id', label: 'Stats ID', type: 'string' },
	{ key: 'link_id', label: 'Link ID', type: 'string' },
	{ key: 'short_url', label: 'Short URL', type: 'string' },
	{ key: 'short_code', label: 'Short Code', type: 'string' },
	{ key: 'title', label: 'Link Title', type: 'string' },
	{ key: 'from', label: 'From', type: 'datetime' },
	{ key: 'to', label: 'To', type: 'datetime' },
	{ key: 'total_clicks', label: 'Total Clicks', type: 'integer' },
	{ key: 'breakdown_by', label: 'Breakdown By', type: 'string' },
	{ key: 'top_value', label: 'Top Value', type: 'string' },
	{ key: 'top_clicks', label: 'Top Value Clicks', type: 'integer' },
	{ key: 'breakdown[]value', label: 'Breakdown Value', type: 'string' },
	{ key: 'breakdown[]clicks', label: 'Breakdown Clicks', type: 'integer' },
	{ key: 'breakdown[]share', label: 'Breakdown Share', type: 'number' },
	{ key: 'computed', label: 'Computed by the App', type: 'boolean' },
];
