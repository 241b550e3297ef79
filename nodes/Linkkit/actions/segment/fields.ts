/** Segment fields shared by Create and Update, and how they become the core's SegmentInput. */

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { SegmentInput } from '../../../../core';
import { locatorField } from '../common/locators';

export const segmentPicker = locatorField('segment', {
	displayName: 'Segment',
	name: 'segmentId',
	required: true,
	description: 'The segment to use',
});

export const segmentNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'German mobile visitors',
	description: 'A name to recognise the segment by, e.g. when you pick it for a link’s segment routes',
};

export const segmentDescriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	description: 'A note for your team about who this segment is for; visitors never see it',
};

export const matchField: INodeProperties = {
	displayName: 'Match',
	name: 'match',
	type: 'options',
	options: [
		{ name: 'All Rules', value: 'all', description: 'A visitor belongs to the segment when every rule fits' },
		{ name: 'Any Rule', value: 'any', description: 'A visitor belongs to the segment when at least one rule fits' },
	],
	default: 'all',
};

export const rulesField: INodeProperties = {
	displayName: 'Rules',
	name: 'rules',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Rule',
	default: {},
	description: 'Which visitors belong to the segment, e.g. Country is DE',
	options: [
		{
			displayName: 'Rule',
			name: 'rule',
			values: [
				{
					// Shown as "Visitor Property"; the parameter name stays `field` (saved workflows use it).
					displayName: 'Visitor Property',
					name: 'field',
					type: 'options',
					options: [
						{ name: 'Browser', value: 'browser' },
						{ name: 'Country', value: 'country', description: 'Two-letter code such as DE or US' },
						{ name: 'Device', value: 'device', description: 'Desktop, mobile, tablet, bot or other' },
						{ name: 'Language', value: 'language', description: 'Such as de or en-US' },
						{ name: 'Operating System', value: 'os' },
						{ name: 'Referrer', value: 'referrer', description: 'The site the visitor came from' },
					],
					default: 'country',
				},
				{
					displayName: 'Operator',
					name: 'operator',
					type: 'options',
					options: [
						{ name: 'Contains', value: 'contains' },
						{ name: 'Is', value: 'is' },
						{ name: 'Is Not', value: 'is_not' },
					],
					default: 'is',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'DE',
					description:
						'What the visitor property is compared with. Country: a two-letter code like DE. Device: desktop, mobile or tablet. Operating System: iOS, Android or Windows. Browser: Chrome or Safari. Language: de or en-US. Referrer: a host such as news.ycombinator.com.',
				},
			],
		},
	],
};

export const segmentUpdateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		segmentDescriptionField,
		matchField,
		{ ...segmentNameField, required: false },
		{ ...rulesField, description: 'Replaces all current rules' },
	],
};

export function segmentInputFrom(fields: IDataObject): SegmentInput {
	return {
		name: fields.name,
		description: fields.description,
		match: fields.match,
		rules: (fields.rules as { rule?: IDataObject[] } | undefined)?.rule,
	};
}
