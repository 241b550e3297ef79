/** The trigger's fields, in the order a person fills them in. */

import type { INodeProperties } from 'n8n-workflow';

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
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'string',
		default: '',
		placeholder: 'cmp_…',
		description: 'Only links in this campaign. Leave empty to watch every link.',
		displayOptions: forEvents('newLink', 'updatedLink'),
	},
	{
		displayName: 'Link ID',
		name: 'clickLinkId',
		type: 'string',
		default: '',
		placeholder: 'lnk_…',
		description: 'Only clicks on this link. Leave empty for clicks on every link.',
		displayOptions: forEvents('newClick'),
	},
	{
		displayName: 'Campaign ID',
		name: 'clickCampaignId',
		type: 'string',
		default: '',
		placeholder: 'cmp_…',
		description: 'Only clicks on links of this campaign. Leave empty for every campaign.',
		displayOptions: forEvents('newClick'),
	},
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
	{
		displayName: 'Link ID',
		name: 'milestoneLinkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'lnk_…',
		description: 'The link to watch; find its ID in Linkkit or in the output of a Linkkit node',
		displayOptions: { show: { event: ['linkClickMilestone'], watch: ['link'] } },
	},
	{
		displayName: 'Campaign ID',
		name: 'milestoneCampaignId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'cmp_…',
		description: 'Every link of this campaign is watched, including links added later',
		displayOptions: { show: { event: ['linkClickMilestone'], watch: ['campaign'] } },
	},
	{
		displayName: 'Clicks',
		name: 'milestone',
		type: 'number',
		required: true,
		default: 100,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'Fire when a link reaches this many clicks. Links already past it when you activate the workflow do not fire.',
		displayOptions: forEvents('linkClickMilestone'),
	},
	{
		displayName:
			'Checks Linkkit on the schedule below. The first check after activation only remembers where things stand; later checks send each new item once, oldest first.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
];
