/**
 * The trigger's fields, in the order a person fills them in. Links and campaigns are chosen with the action node's
 * pickers (from a searchable list, by ID, or a link by its short URL); workflows saved when these were plain ID
 * fields keep their value under the same names (see parameters.ts).
 */

import type { INodeProperties } from 'n8n-workflow';

import { locatorField } from '../Linkkit/actions/common/locators';

const forEvents = (...event: string[]) => ({ show: { event } });

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'newLink',
		options: [
			{
				name: 'Link Click Milestone',
				value: 'linkClickMilestone',
				description: 'A link reaches a number of clicks (fires once per link)',
			},
			{ name: 'New Campaign', value: 'newCampaign', description: 'A campaign is created' },
			{ name: 'New Click', value: 'newClick', description: 'Someone clicks a short link' },
			{ name: 'New Link', value: 'newLink', description: 'A short link is created' },
			{ name: 'New Segment', value: 'newSegment', description: 'A visitor segment is created' },
			{ name: 'Updated Link', value: 'updatedLink', description: 'A short link is changed (not when it is first created)' },
		],
	},
	locatorField('campaign', {
		displayName: 'Campaign',
		name: 'campaignId',
		description: 'Only links in this campaign. Leave empty to watch every link.',
		displayOptions: forEvents('newLink', 'updatedLink'),
	}),
	locatorField('link', {
		displayName: 'Link',
		name: 'clickLinkId',
		description: 'Only clicks on this link. Leave empty for clicks on every link.',
		displayOptions: forEvents('newClick'),
	}),
	locatorField('campaign', {
		displayName: 'Campaign',
		name: 'clickCampaignId',
		description: 'Only clicks on links of this campaign. Leave empty for every campaign.',
		displayOptions: forEvents('newClick'),
	}),
	{
		displayName: 'Watch',
		name: 'watch',
		type: 'options',
		noDataExpression: true,
		default: 'link',
		options: [
			{ name: 'One Link', value: 'link' },
			{ name: 'Every Link of a Campaign', value: 'campaign' },
		],
		displayOptions: forEvents('linkClickMilestone'),
	},
	locatorField('link', {
		displayName: 'Link',
		name: 'milestoneLinkId',
		required: true,
		description: 'The link to watch',
		displayOptions: { show: { event: ['linkClickMilestone'], watch: ['link'] } },
	}),
	locatorField('campaign', {
		displayName: 'Campaign',
		name: 'milestoneCampaignId',
		required: true,
		description: 'Every link of this campaign is watched, including links added later',
		displayOptions: { show: { event: ['linkClickMilestone'], watch: ['campaign'] } },
	}),
	{
		displayName: 'Clicks',
		name: 'milestone',
		type: 'number',
		required: true,
		default: 100,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'Fire when a link reaches this many clicks. Links already past it when you publish the workflow do not fire.',
		displayOptions: forEvents('linkClickMilestone'),
	},
	{
		displayName:
			'Once the workflow is published, Linkkit is checked at the Poll Times above. The first check only remembers where things stand; later checks send each new item once, oldest first.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
];
