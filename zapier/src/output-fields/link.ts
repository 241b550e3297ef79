/** Labels for what steps hand on about links; Linkkit's own field names as keys, nested values as `link__…`. */
type OutputField = { key: string; label: string; type?: 'string' | 'integer' | 'number' | 'boolean' | 'datetime' };

export const linkOutputFields: OutputField[] = [
	{ key: 'id', label: 'Link ID', type: 'string' },
	{ key: 'short_url', label: 'Short URL', type: 'string' },
	{ key: 'short_code', label: 'Short Code', type: 'string' },
	{ key: 'original_url', label: 'Destination URL', type: 'string' },
	{ key: 'title', label: 'Title', type: 'string' },
	{ key: 'custom_domain', label: 'Custom Domain', type: 'string' },
	{ key: 'is_active', label: 'Active', type: 'boolean' },
	{ key: 'expire_at', label: 'Expires At', type: 'datetime' },
	{ key: 'notes', label: 'Notes', type: 'string' },
	{ key: 'list_id', label: 'Segment ID', type: 'string' },
	{ key: 'list_name', label: 'Segment Name', type: 'string' },
	{ key: 'created_at', label: 'Created At', type: 'datetime' },
	{ key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

export const updatedLinkOutputFields: OutputField[] = [
	{ key: 'id', label: 'Edit ID', type: 'string' },
	{ key: 'link_id', label: 'Link ID', type: 'string' },
	...linkOutputFields.filter((f) => f.key !== 'id'),
];

/** The `link` object of clicks, conversions and milestones. */
export const linkSummaryOutputFields: OutputField[] = [
	{ key: 'link_id', label: 'Link ID', type: 'string' },
	{ key: 'link__short_url', label: 'Link Short URL', type: 'string' },
	{ key: 'link__short_code', label: 'Link Short Code', type: 'string' },
	{ key: 'link__title', label: 'Link Title', type: 'string' },
	{ key: 'link__custom_domain', label: 'Link Custom Domain', type: 'string' },
];

export const deletedLinkOutputFields: OutputField[] = [
	{ key: 'short_code', label: 'Short Code', type: 'string' },
	{ key: 'deleted', label: 'Deleted', type: 'boolean' },
];

export type { OutputField };

/** Deleted Link (instant): the link as it was when deleted, and when that was (Linkkit's event time). */
export const linkDeletedOutputFields: OutputField[] = [...linkOutputFields, { key: 'deleted_at', label: 'Deleted At', type: 'datetime' }];
