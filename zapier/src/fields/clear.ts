/**
 * "Clear Fields" on the Update actions. An input left empty, or mapped from an earlier step and empty for this run,
 * keeps the current value (Zapier cannot tell the two apart, and wiping data because one run had a blank would be a
 * silent loss). Emptying a field is therefore a choice of its own, offered only where Linkkit allows it.
 */

/** A field Update may empty, keyed like its input field; lists empty to [], everything else to null. */
export interface Clearable {
	key: string;
	label: string;
	emptiesTo: null | [];
}

const utmClearables: Clearable[] = ['source', 'medium', 'campaign', 'term', 'content'].map((name) => ({
	key: `utm__${name}`,
	label: `UTM ${name[0].toUpperCase()}${name.slice(1)}`,
	emptiesTo: null,
}));

export const linkClearables: Clearable[] = [
	{ key: 'title', label: 'Title', emptiesTo: null },
	{ key: 'description', label: 'Description', emptiesTo: null },
	{ key: 'tags', label: 'Tags (remove all)', emptiesTo: [] },
	{ key: 'campaignId', label: 'Campaign (take the link out of its campaign)', emptiesTo: null },
	...utmClearables,
	{ key: 'expiresAt', label: 'Expires At (never expire)', emptiesTo: null },
	{ key: 'segmentRoutes', label: 'Segment Routes (remove all)', emptiesTo: [] },
];

export const campaignClearables: Clearable[] = [
	{ key: 'description', label: 'Description', emptiesTo: null },
	{ key: 'defaultDomain', label: "Default Domain (use the account's)", emptiesTo: null },
	...utmClearables,
	{ key: 'startsAt', label: 'Starts At', emptiesTo: null },
	{ key: 'endsAt', label: 'Ends At', emptiesTo: null },
];

export const segmentClearables: Clearable[] = [{ key: 'description', label: 'Description', emptiesTo: null }];

export const CLEAR_FIELDS_KEY = 'clearFields';

export function clearFieldsField(noun: string, clearables: Clearable[]) {
	return {
		key: CLEAR_FIELDS_KEY,
		label: 'Clear Fields',
		required: false,
		list: true,
		choices: clearables.map(({ key, label }) => ({ value: key, label, sample: key })),
		helpText:
			`Fields to empty on the ${noun}. A field above that is left empty, or mapped and empty for a run, keeps its ` +
			'current value; choose it here to remove the value instead.',
	};
}
