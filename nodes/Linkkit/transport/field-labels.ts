/**
 * The core names fields as Linkkit's API does (`original_url`, `list_id`, `customer_external_id`); people see the
 * node's labels. This turns one into the other for error messages. Names not listed are shown as they are.
 */

const labels: Record<string, string> = {
	original_url: 'Destination URL',
	short_code: 'Short Code',
	shortCode: 'Short Code',
	linkkitPicksCode: 'Let Linkkit Pick the Code',
	title: 'Title',
	notes: 'Notes',
	custom_domain: 'Custom Domain',
	expire_at: 'Expires At',
	list_id: 'Segment',
	is_active: 'Active',
	link: 'Link',
	linkId: 'Link',
	segmentId: 'Segment',
	campaignSettingId: 'Campaign Setting',
	tagId: 'Tag',
	qrCodeId: 'QR Code',
	domainId: 'Domain',
	name: 'Name',
	color: 'Color',
	url: 'URL',
	show_logo: 'Show Logo',
	logo_url: 'Logo URL',
	utm_source: 'UTM Source',
	utm_medium: 'UTM Medium',
	utm_campaign: 'UTM Campaign',
	utm_term: 'UTM Term',
	utm_content: 'UTM Content',
	ref: 'Ref',
	customer_external_id: 'Customer External ID',
	customer_name: 'Customer Name',
	customer_email: 'Customer Email',
	lkclid: 'Click ID (lkclid)',
	event_name: 'Event Name',
	amount: 'Amount (Cents)',
	currency: 'Currency',
	invoice_id: 'Invoice ID',
	payment_processor: 'Payment Processor',
	metadata: 'Metadata',
	type: 'Type',
	search: 'Search',
	dateRange: 'Date Range',
	from: 'From',
	to: 'To',
	dimension: 'Break Down By',
	interval: 'Interval',
	// The core's name for "nothing to change" on an Update with no fields chosen.
	fields: 'Update Fields',
	duplicateProtectionId: 'Duplicate Protection ID',
	batchSize: 'Batch Size',
	// The Linkkit Trigger's Link Click Milestone threshold.
	milestone: 'Clicks',
	baseUrl: 'Base URL (in the credential)',
	publishableKey: 'Publishable Key (in the credential)',
};

export function fieldLabel(field: string): string {
	return labels[field] ?? field;
}

/** A core message of the form `<api field>: <problem>` (core/errors.ts inputError) with the field's label instead. */
export function withFieldLabel(message: string): string {
	const match = /^([A-Za-z_]+): /.exec(message);
	return match && labels[match[1]] ? `${labels[match[1]]}: ${message.slice(match[0].length)}` : message;
}
