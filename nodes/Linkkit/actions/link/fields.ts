/** The link fields Create, Create Many and Update share, and how n8n's values become the core's LinkInput. */

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildLinkCreate, type LinkInput } from '../../../../core';
import { utmFields, utmFrom } from '../common/fields';
import { locatorField, readLocator } from '../common/locators';

export const destinationField: INodeProperties = {
	displayName: 'Destination URL',
	name: 'destination',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'https://example.com/spring-sale',
	description: 'The page the short link sends visitors to. Must start with http:// or https://.',
};

/** Everything optional about a link; Update adds the destination itself. */
function linkDetailFields(forUpdate: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		locatorField('campaign', {
			displayName: 'Campaign',
			name: 'campaignId',
			description: 'Put the link in this campaign; it then inherits the campaign’s UTM values and default domain unless you set them here',
		}),
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'A note for your team; visitors never see it',
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			placeholder: 'lnkk.it',
			description: forUpdate
				? 'Move the link to this short domain, without https://. Changing it stops the old short URL from working.'
				: 'The short domain to use, without https://. Leave empty for your account’s default domain.',
		},
		{
			displayName: 'Expires At',
			name: 'expiresAt',
			type: 'dateTime',
			default: '',
			description: 'After this moment the short link stops redirecting (UTC when no time zone is given)',
		},
		{
			displayName: 'Segment Routes',
			name: 'segmentRoutes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Route',
			default: {},
			description: forUpdate
				? 'Send visitors who belong to a segment to a different page. Replaces all current routes of the link.'
				: 'Send visitors who belong to a segment to a different page',
			options: [
				{
					displayName: 'Route',
					name: 'route',
					values: [
						{
							displayName: 'Segment Name or ID',
							name: 'segmentId',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getSegments' },
							required: true,
							default: '',
							description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Destination URL',
							name: 'destination',
							type: 'string',
							required: true,
							default: '',
							placeholder: 'https://example.de/angebot',
							description: 'Where visitors in this segment go instead',
						},
					],
				},
			],
		},
		{
			displayName: 'Slug',
			name: 'slug',
			type: 'string',
			default: '',
			placeholder: 'spring-sale',
			description: forUpdate
				? 'The part after the domain, e.g. "spring-sale" in lnkk.it/spring-sale. Letters, digits, - and _ only. Changing it stops the old short URL from working.'
				: 'The part after the domain, e.g. "spring-sale" in lnkk.it/spring-sale. Letters, digits, - and _ only. Leave empty to get a generated one.',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'newsletter, spring',
			description: forUpdate ? 'Comma-separated; replaces all current tags' : 'Comma-separated',
		},
		{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'A name to recognise the link by in Linkkit' },
		...utmFields,
	];
	if (forUpdate) fields.push({ ...destinationField, required: false, description: 'The new page the short link sends visitors to. Must start with http:// or https://.' });
	// n8n lists a collection's options in the order given: alphabetically by display name.
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const additionalLinkFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: linkDetailFields(false),
};

export const linkUpdateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: linkDetailFields(true),
};

/** The values of a link collection in the core's terms; the core validates every one. */
export function linkInputFrom(fields: IDataObject, destination?: unknown): LinkInput {
	const routes = (fields.segmentRoutes as { route?: IDataObject[] } | undefined)?.route;
	return {
		destination: destination ?? fields.destination,
		slug: fields.slug === '' ? undefined : fields.slug,
		domain: fields.domain,
		title: fields.title,
		description: fields.description,
		tags: fields.tags,
		campaignId: fields.campaignId === undefined ? undefined : readLocator(fields.campaignId).value,
		utm: utmFrom(fields),
		segmentRoutes: routes,
		expiresAt: fields.expiresAt,
	};
}

/** The Create fields of one item, read the same way for Create and Create Many. */
export function readLinkCreate(ctx: IExecuteFunctions, itemIndex: number): LinkInput {
	const destination = ctx.getNodeParameter('destination', itemIndex);
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return linkInputFrom(fields, destination);
}

/** readLinkCreate, then the core's checks of the request it makes: a bad item fails here, before anything is sent. */
export function readCheckedLinkCreate(ctx: IExecuteFunctions, itemIndex: number): LinkInput {
	const input = readLinkCreate(ctx, itemIndex);
	buildLinkCreate(input);
	return input;
}
