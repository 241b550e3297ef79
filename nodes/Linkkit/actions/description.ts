/** The node's parameters: the resource picker, then each resource's operations and fields. */

import type { INodeProperties } from 'n8n-workflow';

import { resources } from './resources';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Analytics', value: 'analytics', description: "Workspace totals, a link's clicks, breakdowns and timeseries" },
			{ name: 'Campaign Setting', value: 'campaignSetting', description: 'Saved UTM parameters for destination URLs (Linkkit API: UTM templates)' },
			{ name: 'Conversion', value: 'conversion', description: 'Leads and sales' },
			{ name: 'Domain', value: 'domain', description: "The workspace's custom domains" },
			{ name: 'Link', value: 'link', description: 'Short links' },
			{ name: 'QR Code', value: 'qrCode', description: 'QR codes for links or any URL' },
			{ name: 'Segment', value: 'segment', description: 'Groups of links; a link is in one at most (Linkkit API: lists)' },
			{ name: 'Tag', value: 'tag', description: 'Named, coloured labels (Linkkit documents no way to attach them to links)' },
			{ name: 'Workspace', value: 'workspace', description: 'Workspaces the API key can reach' },
		],
		default: 'link',
	},
	...Object.values(resources).flatMap((resource) => resource.description),
];
