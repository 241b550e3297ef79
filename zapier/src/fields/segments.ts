/** Input fields for creating and updating visitor segments; rules are line items. */
import { segmentRuleFields, segmentRuleOperators } from '../../../core';

const ruleFieldLabels: Record<string, string> = {
	country: 'Country',
	device: 'Device',
	os: 'Operating System',
	browser: 'Browser',
	language: 'Language',
	referrer: 'Referrer',
};
const operatorLabels: Record<string, string> = { is: 'Is', is_not: 'Is Not', contains: 'Contains' };

export function segmentWriteFields(mode: 'create' | 'update') {
	const creating = mode === 'create';
	const unchanged = creating ? '' : ' Leave empty to keep the current value.';
	return [
		{ key: 'name', label: 'Name', required: creating, helpText: `The segment's name, e.g. German mobile visitors.${unchanged}` },
		{ key: 'description', label: 'Description', required: false, helpText: `Notes for your team.${unchanged}` },
		{
			key: 'match',
			label: 'Match',
			required: false,
			choices: [
				{ value: 'all', label: 'All Rules', sample: 'all' },
				{ value: 'any', label: 'Any Rule', sample: 'any' },
			],
			helpText: creating ? 'Whether a visitor must match all rules or any one of them. All if not set.' : 'Leave empty to keep it.',
		},
		{
			key: 'rules',
			label: 'Rules',
			required: creating,
			children: [
				{
					key: 'field',
					label: 'Visitor Property',
					required: creating,
					choices: segmentRuleFields.map((value) => ({ value, label: ruleFieldLabels[value] ?? value, sample: value })),
					// Zapier allows no help text on the line-item group itself, so its first column explains it.
					helpText: creating
						? 'Who belongs to the segment, one rule per row, e.g. Country Is DE.'
						: 'Rows here replace all rules of the segment. Leave empty to keep them.',
				},
				{
					key: 'operator',
					label: 'Operator',
					required: creating,
					choices: segmentRuleOperators.map((value) => ({ value, label: operatorLabels[value] ?? value, sample: value })),
				},
				{ key: 'value', label: 'Value', required: creating, helpText: 'e.g. DE (countries are two-letter codes), mobile (devices: desktop, mobile, tablet, bot, other), Chrome, de, google.com' },
			],
		},
	];
}
