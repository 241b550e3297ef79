/**
 * The core and Linkkit name fields as the API does (`destination`, `utm.source`, `rules[1].value`);
 * people see the node's labels. This turns one into the other for error descriptions.
 */

const labels: Record<string, string> = {
	destination: 'Destination URL',
	slug: 'Slug',
	domain: 'Domain',
	defaultDomain: 'Default Domain',
	title: 'Title',
	description: 'Description',
	tags: 'Tags',
	campaignId: 'Campaign',
	linkId: 'Link',
	segmentId: 'Segment',
	expiresAt: 'Expires At',
	startsAt: 'Starts At',
	endsAt: 'Ends At',
	name: 'Name',
	status: 'Status',
	match: 'Match',
	rules: 'Rules',
	segmentRoutes: 'Segment Routes',
	// The core's name for "nothing to change" on an Update with no fields chosen.
	fields: 'Update Fields',
	from: 'From',
	to: 'To',
	country: 'Country',
	device: 'Device',
	interval: 'Interval',
	dimension: 'Break Down By',
	limit: 'Limit',
	// The Linkkit Trigger's Link Click Milestone threshold.
	milestone: 'Clicks',
	search: 'Search',
	tag: 'Tag',
	createdAfter: 'Created After',
	createdBefore: 'Created Before',
	shortUrl: 'Short URL',
	baseUrl: 'Base URL (in the credential)',
	'utm.source': 'UTM Source',
	'utm.medium': 'UTM Medium',
	'utm.campaign': 'UTM Campaign',
	'utm.term': 'UTM Term',
	'utm.content': 'UTM Content',
};

const ruleParts: Record<string, string> = { field: 'Visitor Property', operator: 'Operator', value: 'Value' };

/** `rules[1].value` → `Rules › Rule 2 › Value`; unknown names are returned as they are. */
export function fieldLabel(field: string): string {
	if (labels[field]) return labels[field];
	const item = /^(rules|segmentRoutes)\[(\d+)\]\.?(\w+)?$/.exec(field);
	if (item) {
		const [, list, index, part] = item;
		const parts = [labels[list], `${list === 'rules' ? 'Rule' : 'Route'} ${Number(index) + 1}`];
		if (part) parts.push(ruleParts[part] ?? labels[part] ?? part);
		return parts.join(' › ');
	}
	return field;
}
