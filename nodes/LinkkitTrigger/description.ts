/**
 * The trigger's fields, in the order a person fills them in. Links and segments are chosen with the action node's
 * pickers (a link from a searchable list, by short code or by short URL; a segment from the list or by ID). Each
 * event says what a check costs in requests, since every check spends the API key's rate limit.
 */

import type { INodeProperties } from 'n8n-workflow';

import { locatorField } from '../Linkkit/actions/common/locators';

const forEvent = (...event: string[]) => ({ show: { event } });

/** What one check of each event costs, in Linkkit requests (the README's table says the same). */
export const REQUESTS_PER_CHECK: Record<string, string> = {
	newLink:
		'Each check costs 1 request. After more than 100 new links at once, about 13 per check until they are all handed on (1 000 links a check, oldest first).',
	updatedLink:
		'Linkkit sorts links by creation, not by change, so each check reads every link: 1 request per 100 links (per 100 links of the segment, when one is chosen), however few changed.',
	newClick:
		'Each check costs 1 request, and 1 more for the link when there are clicks to hand on. A burst is handed on 1 000 clicks a check, about 11 requests each.',
	newConversion: 'Each check costs 1 request. A burst is handed on 1 000 conversions a check, about 10 requests each.',
	newSegment: 'Each check costs 1 request (Linkkit returns every segment at once).',
	clickMilestone:
		"Linkkit has no click counter: each check counts every watched link still below the milestone with 1 request (links that reached it are not counted again), plus 1 request per 100 links of a watched segment.",
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'newLink',
		options: [
			{ name: 'Click Milestone', value: 'clickMilestone', description: 'A link reaches a number of clicks (fires once per link)' },
			{ name: 'New Click', value: 'newClick', description: 'Someone opens a short link' },
			{ name: 'New Conversion', value: 'newConversion', description: 'A lead or a sale is recorded' },
			{ name: 'New Link', value: 'newLink', description: 'A short link is created' },
			{ name: 'New Segment', value: 'newSegment', description: 'A segment is created' },
			{ name: 'Updated Link', value: 'updatedLink', description: 'A short link is changed (not when it is first created)' },
		],
	},
	locatorField('segment', {
		displayName: 'Segment',
		name: 'segment',
		description: 'Only links in this segment',
		hint: 'Leave empty to watch every link',
		displayOptions: forEvent('newLink', 'updatedLink'),
	}),
	locatorField('link', {
		displayName: 'Link',
		name: 'link',
		required: true,
		description: 'The link whose clicks start the workflow',
		displayOptions: forEvent('newClick'),
	}),
	{
		displayName: 'Conversion Type',
		name: 'conversionType',
		type: 'options',
		noDataExpression: true,
		default: 'both',
		options: [
			{ name: 'Lead or Sale', value: 'both' },
			{ name: 'Lead', value: 'lead' },
			{ name: 'Sale', value: 'sale' },
		],
		displayOptions: forEvent('newConversion'),
	},
	{
		displayName: 'Watch',
		name: 'watch',
		type: 'options',
		noDataExpression: true,
		default: 'link',
		options: [
			{ name: 'One Link', value: 'link' },
			{ name: 'Every Link of a Segment', value: 'segment' },
		],
		displayOptions: forEvent('clickMilestone'),
	},
	locatorField('link', {
		displayName: 'Link',
		name: 'milestoneLink',
		required: true,
		description: 'The link to watch',
		displayOptions: { show: { event: ['clickMilestone'], watch: ['link'] } },
	}),
	locatorField('segment', {
		displayName: 'Segment',
		name: 'milestoneSegment',
		required: true,
		description: 'Every link of this segment is watched, including links added to it later',
		displayOptions: { show: { event: ['clickMilestone'], watch: ['segment'] } },
	}),
	{
		displayName: 'Clicks',
		name: 'milestone',
		type: 'number',
		required: true,
		default: 100,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'Fire when a link reaches this many clicks. Links already past it when you publish the workflow do not fire.',
		displayOptions: forEvent('clickMilestone'),
	},
	...Object.entries(REQUESTS_PER_CHECK).map(
		([event, cost]): INodeProperties => ({
			displayName: cost,
			name: `${event}Cost`,
			type: 'notice',
			default: '',
			displayOptions: forEvent(event),
		}),
	),
	{
		displayName:
			'Once the workflow is published, Linkkit is checked at the Poll Times above. The first check only remembers where things stand; later checks send each new item once, oldest first, once it is 12 seconds old. ' +
			'Polling works wherever n8n runs (no incoming connection). If Linkkit can reach your n8n (a public https address), the Linkkit Instant Trigger sends new, changed, deleted and clicked links within seconds and costs no requests while nothing happens.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
];
