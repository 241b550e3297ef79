/**
 * The fields of a link, keyed by Linkkit's own names (so the core's messages name them and errors.ts finds their
 * labels). Create, Create or Update and Update share them; only required-ness and help differ.
 */
import { campaignSettingPicker, domainPicker, segmentPicker } from './pickers';

export type LinkFieldMode = 'create' | 'upsert' | 'update';

const KEEP = ' Leave empty to keep the current value.';

export function destinationField(mode: LinkFieldMode) {
	return {
		key: 'original_url',
		label: 'Destination URL',
		required: mode !== 'update',
		helpText: `The full web address the short link sends visitors to, including http or https.${mode === 'update' ? KEEP : ''}`,
	};
}

export function shortCodeField(mode: LinkFieldMode) {
	const rule = 'At least 3 letters, digits, hyphens or underscores.';
	const help = {
		create: `The part after the domain in the short URL. ${rule} Leave empty and a code is picked for you.`,
		upsert: `The short code of the link to create, or to change when a link already has it. ${rule}`,
		update: `A new short code for the link (renames it: the old short URL stops working). ${rule}${KEEP}`,
	}[mode];
	return { key: 'short_code', label: mode === 'update' ? 'New Short Code' : 'Short Code', required: mode === 'upsert', helpText: help };
}

/** The optional fields every link form has, in the order they are shown. */
export function linkDetailFields(mode: LinkFieldMode) {
	const keep = mode === 'update' ? KEEP : '';
	return [
		{ key: 'title', label: 'Title', required: false, helpText: `A name for the link, shown in Linkkit.${keep}` },
		campaignSettingPicker(),
		segmentPicker({ helpText: `The segment to put the link in. (Segments are called lists in the API.)${keep}` }),
		domainPicker({ helpText: `One of your workspace's custom domains for the short URL (without https://).${mode === 'update' ? KEEP : ' Leave empty for the default domain.'}` }),
		{
			key: 'expire_at',
			label: 'Expires At',
			type: 'datetime' as const,
			required: false,
			helpText: `After this date and time the short link stops redirecting.${keep}`,
		},
		{ key: 'notes', label: 'Notes', type: 'text' as const, required: false, helpText: `Notes for your team.${keep}` },
	];
}

export const activeField = (mode: LinkFieldMode) => ({
	key: 'is_active',
	label: 'Active',
	type: 'boolean' as const,
	required: false,
	helpText: `No makes the short link stop redirecting without deleting it.${mode === 'update' ? KEEP : ''}`,
});
