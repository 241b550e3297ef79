import { linkOutputFields } from './link';

export const clickOutputFields = [
	{ key: 'id', label: 'Click ID', type: 'string' as const },
	{ key: 'linkId', label: 'Link ID', type: 'string' as const },
	{ key: 'shortUrl', label: 'Short URL', type: 'string' as const },
	{ key: 'linkTitle', label: 'Link Title', type: 'string' as const },
	{ key: 'timestamp', label: 'Clicked At', type: 'datetime' as const },
	{ key: 'country', label: 'Country', type: 'string' as const },
	{ key: 'city', label: 'City', type: 'string' as const },
	{ key: 'device', label: 'Device', type: 'string' as const },
	{ key: 'os', label: 'Operating System', type: 'string' as const },
	{ key: 'browser', label: 'Browser', type: 'string' as const },
	{ key: 'referrer', label: 'Referrer', type: 'string' as const },
	{ key: 'segmentIds', label: 'Segment IDs', type: 'string' as const, list: true },
];

const summaryFields = [
	{ key: 'segmentId', label: 'Segment ID', type: 'string' as const },
	{ key: 'clicks', label: 'Clicks', type: 'integer' as const },
	{ key: 'uniqueVisitors', label: 'Unique Visitors', type: 'integer' as const },
	{ key: 'from', label: 'From', type: 'datetime' as const },
	{ key: 'to', label: 'To', type: 'datetime' as const },
];

export const linkAnalyticsOutputFields = [
	{ key: 'id', label: 'Report ID', type: 'string' as const },
	{ key: 'linkId', label: 'Link ID', type: 'string' as const },
	...summaryFields,
];

export const campaignAnalyticsOutputFields = [
	{ key: 'id', label: 'Report ID', type: 'string' as const },
	{ key: 'campaignId', label: 'Campaign ID', type: 'string' as const },
	...summaryFields,
];

export const milestoneOutputFields = [
	{ key: 'id', label: 'Milestone ID', type: 'string' as const },
	{ key: 'milestone', label: 'Milestone (Clicks)', type: 'integer' as const },
	{ key: 'linkId', label: 'Link ID', type: 'string' as const },
	{ key: 'clicks', label: 'Clicks Now', type: 'integer' as const },
	// The whole link that reached the milestone, every field labelled as in the link's own steps.
	...linkOutputFields.map((field) => ({ ...field, key: `link__${field.key}`, label: field.key === 'id' ? field.label : `Link ${field.label}` })),
];
