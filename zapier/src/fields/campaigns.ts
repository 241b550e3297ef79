/** Input fields for creating and updating campaigns. */
import { campaignStatuses } from '../../../core';
import { utmFields } from './utm';

export function campaignWriteFields(mode: 'create' | 'update') {
	const creating = mode === 'create';
	const unchanged = creating ? '' : ' Leave empty to keep the current value.';
	return [
		{
			key: 'name',
			label: 'Name',
			required: creating,
			helpText: `The campaign's name; each campaign in your account has its own.${unchanged}`,
		},
		{ key: 'description', label: 'Description', required: false, helpText: `Notes for your team.${unchanged}` },
		{
			key: 'status',
			label: 'Status',
			required: false,
			choices: campaignStatuses.map((value) => ({ value, label: value[0].toUpperCase() + value.slice(1), sample: value })),
			helpText: creating ? 'Active if not set.' : 'Leave empty to keep the current status.',
		},
		{
			key: 'defaultDomain',
			label: 'Default Domain',
			required: false,
			helpText: `The short domain new links in this campaign use, e.g. go.yourbrand.com.${unchanged}`,
		},
		...utmFields(creating ? 'Links created in this campaign get this value unless they set their own.' : 'Leave empty to keep the current value.'),
		{ key: 'startsAt', label: 'Starts At', type: 'datetime' as const, required: false, helpText: `When the campaign starts.${unchanged}` },
		{ key: 'endsAt', label: 'Ends At', type: 'datetime' as const, required: false, helpText: `When the campaign ends; must be after Starts At.${unchanged}` },
	];
}
