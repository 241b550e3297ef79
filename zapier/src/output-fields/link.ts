/** What a link offers to later steps, labelled for people; nested values appear flattened (`utm__source`). */
export const linkOutputFields = [
	{ key: 'id', label: 'Link ID', type: 'string' as const },
	{ key: 'shortUrl', label: 'Short URL', type: 'string' as const },
	{ key: 'domain', label: 'Domain', type: 'string' as const },
	{ key: 'slug', label: 'Slug', type: 'string' as const },
	{ key: 'destination', label: 'Destination URL', type: 'string' as const },
	{ key: 'title', label: 'Title', type: 'string' as const },
	{ key: 'description', label: 'Description', type: 'string' as const },
	{ key: 'tags', label: 'Tags', type: 'string' as const, list: true },
	{ key: 'campaignId', label: 'Campaign ID', type: 'string' as const },
	{ key: 'utm__source', label: 'UTM Source', type: 'string' as const },
	{ key: 'utm__medium', label: 'UTM Medium', type: 'string' as const },
	{ key: 'utm__campaign', label: 'UTM Campaign', type: 'string' as const },
	{ key: 'utm__term', label: 'UTM Term', type: 'string' as const },
	{ key: 'utm__content', label: 'UTM Content', type: 'string' as const },
	{ key: 'segmentRoutes[]segmentId', label: 'Segment Route Segment ID', type: 'string' as const },
	{ key: 'segmentRoutes[]destination', label: 'Segment Route Destination URL', type: 'string' as const },
	{ key: 'expiresAt', label: 'Expires At', type: 'datetime' as const },
	{ key: 'clicks', label: 'Clicks', type: 'integer' as const },
	{ key: 'createdAt', label: 'Created At', type: 'datetime' as const },
	{ key: 'updatedAt', label: 'Updated At', type: 'datetime' as const },
];

export const updatedLinkOutputFields = [
	{ key: 'id', label: 'Update ID', type: 'string' as const },
	{ key: 'linkId', label: 'Link ID', type: 'string' as const },
	...linkOutputFields.filter((f) => f.key !== 'id'),
];

export const deletedLinkOutputFields = [
	{ key: 'id', label: 'Link ID', type: 'string' as const },
	{ key: 'deleted', label: 'Deleted', type: 'boolean' as const },
];
