/**
 * "Clear Fields" on Update Link. An input left empty, or mapped from an earlier step and empty for this run, keeps
 * the current value (Zapier cannot tell the two apart, and wiping data because one run had a blank would be a silent
 * loss). Emptying a field is therefore a choice of its own, offered where Linkkit allows null.
 */
export interface Clearable {
	key: string;
	label: string;
}

export const linkClearables: Clearable[] = [
	{ key: 'title', label: 'Title' },
	{ key: 'list_id', label: 'Segment (take the link out of its segment)' },
	{ key: 'custom_domain', label: 'Custom Domain (use the default domain)' },
	{ key: 'expire_at', label: 'Expires At (never expire)' },
	{ key: 'notes', label: 'Notes' },
];

export const CLEAR_FIELDS_KEY = 'clear_fields';

export function clearFieldsField(clearables: Clearable[]) {
	return {
		key: CLEAR_FIELDS_KEY,
		label: 'Clear Fields',
		required: false,
		list: true,
		choices: clearables.map(({ key, label }) => ({ value: key, label, sample: key })),
		helpText: 'Fields to empty. A field above that is left empty, or mapped and empty for a run, keeps its current value; choose it here to remove the value instead.',
	};
}
