/**
 * Dropdowns fed by the hidden list triggers, so nobody copies an ID by hand. In actions and searches each one also
 * names the search that finds its value, so Zapier can offer "use a search step" for it. Users may still map a value
 * from an earlier step; the core checks its form before anything is sent.
 */

interface PickerOptions {
	key?: string;
	label?: string;
	required?: boolean;
	helpText?: string;
	/** Actions and searches link the dropdown to its search; triggers cannot. */
	inAction?: boolean;
}

const withSearch = (inAction: boolean, search: string) => (inAction ? { search } : {});

/** A link, by short code (Linkkit addresses links by code; a short URL works as well). */
export function linkPicker({ key = 'link', label = 'Link', required = true, helpText, inAction = true }: PickerOptions = {}) {
	return {
		key,
		label,
		required,
		dynamic: 'link_list.short_code.label',
		...withSearch(inAction, 'find_link.short_code'),
		helpText: helpText ?? 'Pick a link, or map its short code or short URL from an earlier step.',
	};
}

export function segmentPicker({ key = 'list_id', label = 'Segment', required = false, helpText, inAction = true }: PickerOptions = {}) {
	return {
		key,
		label,
		required,
		dynamic: 'segment_list.id.name',
		...withSearch(inAction, 'find_segment.id'),
		helpText: helpText ?? 'Pick a segment, or map a Segment ID. (Segments are called lists in the API.)',
	};
}

export function campaignSettingPicker({ key = 'campaignSettingId', label = 'Campaign Setting', required = false, helpText, inAction = true }: PickerOptions = {}) {
	return {
		key,
		label,
		required,
		dynamic: 'campaign_setting_list.id.name',
		...withSearch(inAction, 'find_campaign_setting.id'),
		helpText:
			helpText ??
			"Adds the campaign setting's UTM values to the destination URL, replacing values of the same name. (Campaign settings are called UTM templates in the API.)",
	};
}

/** A custom domain by its name, not an ID, so it has no search of its own. */
export function domainPicker({ required = false, helpText }: PickerOptions = {}) {
	return {
		key: 'custom_domain',
		label: 'Custom Domain',
		required,
		dynamic: 'domain_list.domain.label',
		helpText: helpText ?? 'One of your workspace\'s custom domains (without https://). Leave empty for the default domain.',
	};
}
