/** Input fields for creating and updating links; Create Link and Update Link share them. */
import { campaignField, segmentField } from './dropdowns';
import { utmFields } from './utm';

export function linkWriteFields(mode: 'create' | 'update') {
	const creating = mode === 'create';
	const unchanged = creating ? '' : ' Leave empty to keep the current value.';
	return [
		{
			key: 'destination',
			label: 'Destination URL',
			required: creating,
			helpText: `The full web address the short link sends visitors to, starting with https:// or http://.${unchanged}`,
		},
		{
			key: 'slug',
			label: 'Slug',
			required: false,
			helpText: creating
				? 'The part after the domain, e.g. `spring-sale` in lnkk.it/spring-sale. Letters, digits, - and _ only. Leave the field empty and Linkkit makes one up.'
				: 'A new slug (the part after the domain). Letters, digits, - and _ only. Old short URLs stop working when it changes.',
		},
		{
			key: 'domain',
			label: 'Domain',
			required: false,
			helpText: `The short domain, e.g. lnkk.it or go.yourbrand.com (no https://).${creating ? " Defaults to the campaign's domain, then your account's default." : unchanged}`,
		},
		{ key: 'title', label: 'Title', required: false, helpText: `A name for the link, shown in Linkkit.${unchanged}` },
		{ key: 'description', label: 'Description', required: false, helpText: `Notes for your team.${unchanged}` },
		{
			key: 'tags',
			label: 'Tags',
			required: false,
			list: true,
			helpText: creating ? 'Labels to group links by, one per row, e.g. newsletter.' : 'Replaces all tags of the link. Leave empty to keep them.',
		},
		campaignField({
			required: false,
			helpText: creating
				? "Put the link in a campaign: it then takes the campaign's UTM values and domain unless you set them here."
				: 'Move the link to this campaign. Leave empty to keep it where it is.',
		}),
		...utmFields(creating ? 'Empty means the campaign value, if the link is in a campaign.' : 'Leave empty to keep the current value.'),
		{
			key: 'expiresAt',
			label: 'Expires At',
			type: 'datetime' as const,
			required: false,
			helpText: `After this date and time the link stops redirecting.${unchanged}`,
		},
		{
			key: 'segmentRoutes',
			label: 'Segment Routes',
			required: false,
			// Zapier allows no help text on a line-item group, so the rows explain it. Child keys must differ from the
			// top-level `destination`; inputs.ts turns rows back into the core's { segmentId, destination }.
			children: [
				segmentField({
					key: 'routeSegmentId',
					required: false,
					helpText: creating
						? 'Send visitors in this segment to the row\'s own Destination URL instead, e.g. German visitors to the German page. One row per segment.'
						: 'Rows here replace all segment routes of the link. Leave empty to keep them.',
				}),
				{ key: 'routeDestination', label: 'Segment Destination URL', required: false, helpText: 'Where visitors in that segment go instead.' },
			],
		},
	];
}
