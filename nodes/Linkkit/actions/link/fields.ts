/**
 * The link fields Create, Create or Update and Update share, and how n8n's values become the core's LinkInput. Field
 * names are Linkkit's users' words; the description says the API's name where it differs.
 */

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, isBlank, type LinkInput, type LinkkitClient, type UtmTemplate } from '../../../../core';
import { byLabel } from '../common/fields';
import { locatorField, optionalIdOf, readLocator } from '../common/locators';

export const destinationField: INodeProperties = {
	displayName: 'Destination URL',
	name: 'destination',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'https://example.com/spring-sale',
	description: 'The page the short link sends visitors to (Linkkit: original_url). Must start with http:// or https://.',
};

const campaignSettingField = (forUpdate: boolean): INodeProperties =>
	locatorField('campaignSetting', {
		displayName: 'Campaign Setting',
		name: 'campaignSettingId',
		description: forUpdate
			? "Write this campaign setting's UTM parameters (Linkkit: UTM template) into the new Destination URL; needs Destination URL in this update"
			: "Write this campaign setting's UTM parameters (Linkkit: UTM template) into the Destination URL, replacing any of the same name",
	});

/** Everything optional about a link. */
function linkDetailFields(forUpdate: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description: 'Whether the short link redirects (Linkkit: is_active). An inactive link answers "not found".',
		},
		campaignSettingField(forUpdate),
		locatorField('customDomain', {
			displayName: 'Custom Domain',
			name: 'customDomain',
			description: forUpdate
				? "Move the link to this one of your workspace's domains. The old short URL stops working."
				: "One of your workspace's domains for the short URL, instead of uselinkkit.com",
		}),
		{
			displayName: 'Expires At',
			name: 'expireAt',
			type: 'dateTime',
			default: '',
			description: 'After this moment the short link stops redirecting (Linkkit: expire_at; UTC when no time zone is given)',
		},
		{
			displayName: 'Notes',
			name: 'notes',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'A note for your team; visitors never see it',
		},
		locatorField('segment', {
			displayName: 'Segment',
			name: 'segmentId',
			description: forUpdate
				? 'Move the link into this segment (Linkkit: list); a link is in one segment at most'
				: 'Put the link in this segment (Linkkit: list); a link is in one segment at most',
		}),
		{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'A name to recognise the link by in Linkkit' },
	];
}

export const additionalLinkFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: linkDetailFields(false),
};

/** What Update can empty (Linkkit clears a field sent as null). */
const clearable: Array<{ name: string; value: keyof LinkInput }> = [
	{ name: 'Custom Domain', value: 'custom_domain' },
	{ name: 'Expires At', value: 'expire_at' },
	{ name: 'Notes', value: 'notes' },
	{ name: 'Segment', value: 'list_id' },
	{ name: 'Title', value: 'title' },
];

export const linkUpdateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: byLabel([
		...linkDetailFields(true),
		{
			displayName: 'Clear Fields',
			name: 'clearFields',
			type: 'multiOptions',
			options: clearable,
			default: [],
			description: 'Fields to empty on the link',
		},
		{ ...destinationField, required: false, description: 'The new page the short link sends visitors to (Linkkit: original_url)' },
		{
			displayName: 'New Short Code',
			name: 'shortCode',
			type: 'string',
			default: '',
			placeholder: 'summer-sale',
			description:
				'Renames the link: its short URL becomes this code (at least 3 letters, digits, "-" or "_"). The old short URL stops working. Refused when another link has the code.',
		},
	]),
};

/** A link's fields as read from the node, with the campaign setting still to be fetched. */
export interface LinkFieldsInput {
	link: LinkInput;
	campaignSettingId?: string;
}

/** The values of a link collection in the core's terms; the core checks every one. */
export function linkInputFrom(fields: IDataObject, destination?: unknown): LinkFieldsInput {
	const customDomain = fields.customDomain === undefined ? undefined : readLocator(fields.customDomain).value;
	const link: LinkInput = {
		original_url: destination ?? fields.destination,
		title: fields.title,
		notes: fields.notes,
		custom_domain: customDomain,
		expire_at: fields.expireAt,
		list_id: fields.segmentId === undefined ? undefined : optionalIdOf(fields.segmentId, 'list_id', 'segment'),
		is_active: fields.active,
	};
	const clear = (fields.clearFields as Array<keyof LinkInput> | undefined) ?? [];
	for (const field of clear) {
		if (!isBlank(link[field])) throw inputError(field, 'is both given a value and chosen in Clear Fields — choose one');
		(link as Record<string, unknown>)[field] = null;
	}
	return { link, campaignSettingId: fields.campaignSettingId === undefined ? undefined : optionalIdOf(fields.campaignSettingId, 'campaignSettingId', 'campaignSetting') };
}

/** The Create fields of one item (Destination URL and Additional Fields). */
export function readLinkCreate(ctx: IExecuteFunctions, itemIndex: number): LinkFieldsInput {
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return linkInputFrom(fields, ctx.getNodeParameter('destination', itemIndex));
}

/**
 * Campaign settings fetched once per run and client: many items usually name the same one. Keyed by client so a
 * check on the client that sends nothing never leaves its refusal behind for the real one.
 */
const templates = new WeakMap<LinkkitClient, Map<string, Promise<UtmTemplate>>>();

export function campaignSettingOf(client: LinkkitClient, id: string): Promise<UtmTemplate> {
	let byId = templates.get(client);
	if (!byId) templates.set(client, (byId = new Map()));
	let template = byId.get(id);
	if (!template) {
		template = client.campaignSettings.get(id);
		// A failed fetch is not kept: the next item asks again.
		template.catch(() => byId.delete(id));
		byId.set(id, template);
	}
	return template;
}

/** The core's LinkInput with the campaign setting's parameters to write into the destination. */
export async function withCampaignSetting(client: LinkkitClient, input: LinkFieldsInput): Promise<LinkInput> {
	if (!input.campaignSettingId) return input.link;
	return { ...input.link, utmTemplate: await campaignSettingOf(client, input.campaignSettingId) };
}

/**
 * The same input with a stand-in for the campaign setting, for checking before anything is sent (the core then also
 * checks that an update that applies one has a destination to write it into).
 */
export function withStandInCampaignSetting(input: LinkFieldsInput): LinkInput {
	return input.campaignSettingId ? { ...input.link, utmTemplate: {} } : input.link;
}
