/** Campaign fields shared by Create and Update, and how they become the core's CampaignInput. */

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { CampaignInput } from '../../../../core';
import { utmFields, utmFrom } from '../common/fields';
import { locatorField } from '../common/locators';

export const campaignPicker = locatorField('campaign', {
	displayName: 'Campaign',
	name: 'campaignId',
	required: true,
	description: 'The campaign to use',
});

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'Spring Sale 2026',
	description: 'Campaign names are unique in your Linkkit account',
};

/** A campaign's status: set on create/update, and a Get Many filter. */
export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Active', value: 'active' },
		{ name: 'Archived', value: 'archived' },
		{ name: 'Paused', value: 'paused' },
	],
	default: 'active',
};

function campaignDetailFields(forUpdate: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Default Domain',
			name: 'defaultDomain',
			type: 'string',
			default: '',
			placeholder: 'lnkk.it',
			description: 'Short domain for new links in this campaign, without https://',
		},
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'A note for your team' },
		{ displayName: 'Ends At', name: 'endsAt', type: 'dateTime', default: '', description: 'When the campaign ends (UTC when no time zone is given)' },
		{ displayName: 'Starts At', name: 'startsAt', type: 'dateTime', default: '', description: 'When the campaign starts (UTC when no time zone is given)' },
		statusField,
		...utmFields.map((field) => ({ ...field, description: `${field.description}; links in the campaign inherit it` })),
	];
	if (forUpdate) fields.splice(3, 0, { ...nameField, required: false });
	return fields;
}

export const additionalCampaignFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: campaignDetailFields(false),
};

export const campaignUpdateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: campaignDetailFields(true),
};

export function campaignInputFrom(fields: IDataObject, name?: unknown): CampaignInput {
	return {
		name: name ?? fields.name,
		description: fields.description,
		status: fields.status,
		defaultDomain: fields.defaultDomain,
		utm: utmFrom(fields),
		startsAt: fields.startsAt,
		endsAt: fields.endsAt,
	};
}
