/**
 * ID fields as dropdowns fed by the hidden list triggers, so nobody has to copy an ID by hand. Users may still
 * map an ID from an earlier step; the core checks its shape before anything is sent.
 */

interface IdFieldOptions {
	key?: string;
	required?: boolean;
	helpText?: string;
}

export function linkField({ key = 'linkId', required = true, helpText }: IdFieldOptions = {}) {
	return {
		key,
		label: 'Link',
		required,
		dynamic: 'link_list.id.label',
		helpText: helpText ?? 'Pick a link, or map a Link ID (it looks like lnk_8f3k2m9q1x) from an earlier step.',
	};
}

export function campaignField({ key = 'campaignId', required = true, helpText }: IdFieldOptions = {}) {
	return {
		key,
		label: 'Campaign',
		required,
		dynamic: 'campaign_list.id.name',
		helpText: helpText ?? 'Pick a campaign, or map a Campaign ID (it looks like cmp_4h7d2k9w1z) from an earlier step.',
	};
}

export function segmentField({ key = 'segmentId', required = true, helpText }: IdFieldOptions = {}) {
	return {
		key,
		label: 'Segment',
		required,
		dynamic: 'segment_list.id.name',
		helpText: helpText ?? 'Pick a visitor segment, or map a Segment ID (it looks like seg_2m8x4k1q7p) from an earlier step.',
	};
}
