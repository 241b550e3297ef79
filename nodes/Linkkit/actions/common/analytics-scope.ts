/**
 * What analytics and click lists count: the whole account, one link or one campaign; optionally only
 * visitors of one segment; over a preset period or a custom one. Shared by the Analytics and Click resources.
 */

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { datePresetChoices, type AnalyticsScope, type DatePreset, type LinkkitClient } from '../../../../core';
import { locatorField, readLocator, resolveLinkId } from './locators';

export const analyticsScopeFields: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'Whole Account', value: 'account', description: 'Clicks on all links' },
			{ name: 'One Campaign', value: 'campaign', description: 'Clicks on the links of one campaign' },
			{ name: 'One Link', value: 'link', description: 'Clicks on one link' },
		],
		default: 'account',
	},
	locatorField('link', {
		displayName: 'Link',
		name: 'linkId',
		required: true,
		description: 'The link to count clicks for',
		displayOptions: { show: { scope: ['link'] } },
	}),
	locatorField('campaign', {
		displayName: 'Campaign',
		name: 'campaignId',
		required: true,
		description: 'The campaign to count clicks for',
		displayOptions: { show: { scope: ['campaign'] } },
	}),
	locatorField('segment', {
		displayName: 'Segment',
		name: 'segmentId',
		// Shared by Analytics (counts clicks) and Click → Get Many (lists clicks): worded to fit both.
		description: 'Only clicks by visitors who match this segment. Leave empty to include everyone’s clicks.',
	}),
	{
		displayName: 'Date Range',
		name: 'dateRange',
		type: 'options',
		// Labels and help come from the core so n8n and Zapier offer the same choices in the same words.
		options: [...datePresetChoices]
			.sort((a, b) => a.label.localeCompare(b.label))
			.map(({ value, label, description }) => ({ name: label, value, description })),
		default: 'last30Days',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the period (UTC when no time zone is given)',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the period (UTC when no time zone is given)',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
];

/** The scope fields of one item in the core's terms; a link given by short URL is looked up. */
export async function readAnalyticsScope(ctx: IExecuteFunctions, itemIndex: number, client: LinkkitClient): Promise<AnalyticsScope> {
	const scope = ctx.getNodeParameter('scope', itemIndex) as string;
	const preset = ctx.getNodeParameter('dateRange', itemIndex) as DatePreset;
	const result: AnalyticsScope = {
		preset,
		segmentId: readLocator(ctx.getNodeParameter('segmentId', itemIndex, '')).value,
	};
	if (preset === 'custom') {
		result.from = ctx.getNodeParameter('from', itemIndex) as string;
		result.to = ctx.getNodeParameter('to', itemIndex) as string;
	}
	if (scope === 'campaign') result.campaignId = readLocator(ctx.getNodeParameter('campaignId', itemIndex)).value;
	if (scope === 'link') result.linkId = await resolveLinkId(client, ctx.getNodeParameter('linkId', itemIndex));
	return result;
}
