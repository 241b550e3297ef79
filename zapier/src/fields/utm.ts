/** UTM fields, one per parameter, keyed `utm__source` … so they line up with the flattened output fields. */
import { utmKeys } from '../../../core';

const help: Record<(typeof utmKeys)[number], string> = {
	source: 'Where the traffic comes from, e.g. newsletter or facebook.',
	medium: 'The marketing medium, e.g. email or cpc.',
	campaign: 'The campaign name reported to your analytics tool, e.g. spring_sale.',
	term: 'Paid search keywords, if any.',
	content: 'Tells apart links that point to the same place, e.g. header_button.',
};

export function utmFields(inheritNote: string) {
	return utmKeys.map((name) => ({
		key: `utm__${name}`,
		label: `UTM ${name[0].toUpperCase()}${name.slice(1)}`,
		required: false,
		helpText: `${help[name]} ${inheritNote}`,
	}));
}
