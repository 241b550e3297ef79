/** The node's parameters: the resource picker, then each resource's operations and fields. */

import type { INodeProperties } from 'n8n-workflow';

import * as analytics from './analytics';
import * as campaign from './campaign';
import * as click from './click';
import * as link from './link';
import * as segment from './segment';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Analytics', value: 'analytics', description: 'Click totals, series and breakdowns' },
			{ name: 'Campaign', value: 'campaign', description: 'Groups of links with shared UTM values and domain' },
			{ name: 'Click', value: 'click', description: 'Individual click events' },
			{ name: 'Link', value: 'link', description: 'Short links' },
			{ name: 'Segment', value: 'segment', description: 'Visitor audiences defined by rules' },
		],
		default: 'link',
	},
	...link.description,
	...campaign.description,
	...segment.description,
	...analytics.description,
	...click.description,
];
