/**
 * The instant trigger's fields, in the order a person fills them in. The events carry the polling trigger's names
 * (New Link, Updated Link, New Click) plus Deleted Link, which only webhooks can see; the optional filters are the
 * polling trigger's (a segment for link events, a link for clicks), so a workflow that switches between the two
 * triggers keeps receiving the same items.
 */

import type { INodeProperties } from 'n8n-workflow';

import type { WebhookEvent } from '../../core';
import { locatorField } from '../Linkkit/actions/common/locators';

/** Linkkit's event names, as the events field stores them, with the names both Linkkit triggers use for them. */
export const EVENT_NAMES: Record<WebhookEvent, string> = {
	'link.created': 'New Link',
	'link.updated': 'Updated Link',
	'link.deleted': 'Deleted Link',
	'link.clicked': 'New Click',
};

export const LINK_EVENTS: WebhookEvent[] = ['link.created', 'link.updated', 'link.deleted'];

/** Shown at the top of the node: when to use this trigger, and when the polling one. */
export const REACHABILITY_NOTICE =
	'Linkkit calls this n8n the moment something happens, at its production webhook URL: Linkkit must be able to reach ' +
	'it (a public https address, n8n\'s WEBHOOK_URL). If your n8n runs on your own machine or behind a firewall, use the ' +
	'polling Linkkit Trigger instead (in the nodes panel: "Linkkit", then Triggers): it asks Linkkit every minute or more ' +
	'and needs no incoming connection.';

export const instantTriggerProperties: INodeProperties[] = [
	{
		displayName: REACHABILITY_NOTICE,
		name: 'reachabilityNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['link.created'],
		description: 'Linkkit sends each of these the moment it happens; one webhook subscription is made per event',
		options: [
			{ name: 'Deleted Link', value: 'link.deleted', description: 'A short link is deleted (the item is the link as it was)' },
			{ name: 'New Click', value: 'link.clicked', description: 'Someone opens a short link (any link, or the one chosen below)' },
			{ name: 'New Link', value: 'link.created', description: 'A short link is created' },
			{ name: 'Updated Link', value: 'link.updated', description: 'A short link is changed (not when it is first created)' },
		],
	},
	locatorField('segment', {
		displayName: 'Segment',
		name: 'segment',
		description: 'Only links in this segment (for link events)',
		hint: 'Leave empty for every link',
		displayOptions: { show: { events: LINK_EVENTS } },
	}),
	locatorField('link', {
		displayName: 'Link',
		name: 'link',
		description: 'Only clicks on this link',
		hint: 'Leave empty for clicks on every link',
		displayOptions: { show: { events: ['link.clicked'] } },
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Event Details',
				name: 'includeEventDetails',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the event\'s name, ID and time (event, event_id, event_created_at) to each item. Off, items are exactly the polling trigger\'s; turn it on to tell several events apart.',
			},
		],
	},
	{
		displayName:
			'Each event starts one execution, as it arrives: a delivery Linkkit repeats (same event ID) is not run twice, and one whose signature does not match is refused. Items are the polling trigger\'s: the link with its short URL, or the click with its link\'s ID, short code and short URL.',
		name: 'deliveryNotice',
		type: 'notice',
		default: '',
	},
];
