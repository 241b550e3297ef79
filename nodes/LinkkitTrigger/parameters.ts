/**
 * What the trigger's link and campaign pickers stand for, read with the action node's `readLocator`: a value picked
 * from the list or typed as an ID, a link given by its short URL, or a plain ID string (how workflows saved before the
 * fields were pickers hold it, and what an expression may give). Each becomes the same ID, so the trigger's saved
 * position, keyed by event and filters, survives the change from an ID field to a picker.
 */

import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readMilestone, type LinkkitClient } from '../../core';
import { readLocator } from '../Linkkit/actions/common/locators';
import type { FeedEvent, FeedFilters } from './feeds';
import type { MilestoneWatch } from './milestone';

/** Static-data slot for the link a short URL stood for, so a check costs no extra request once it is known. */
const SHORT_URL_SLOT = 'linkkitShortUrl';

interface RememberedShortUrl {
	shortUrl: string;
	linkId: string;
}

async function pickedId(context: IPollFunctions, client: LinkkitClient, name: string): Promise<string | undefined> {
	const { mode, value } = readLocator(context.getNodeParameter(name, ''));
	if (value === '') return undefined;
	if (mode !== 'shortUrl') return value;
	const staticData = context.getWorkflowStaticData('node');
	const remembered = staticData[SHORT_URL_SLOT] as RememberedShortUrl | undefined;
	if (remembered?.shortUrl === value) return remembered.linkId;
	const linkId = (await client.links.lookup({ shortUrl: value })).id;
	// "Fetch Test Event" leaves the trigger's saved state as it was.
	if (context.getMode() !== 'manual') staticData[SHORT_URL_SLOT] = { shortUrl: value, linkId } satisfies RememberedShortUrl as unknown as IDataObject;
	return linkId;
}

export async function readFeedFilters(context: IPollFunctions, event: FeedEvent, client: LinkkitClient): Promise<FeedFilters> {
	if (event === 'newLink' || event === 'updatedLink') return { campaignId: await pickedId(context, client, 'campaignId') };
	if (event === 'newClick') {
		return { linkId: await pickedId(context, client, 'clickLinkId'), campaignId: await pickedId(context, client, 'clickCampaignId') };
	}
	return {};
}

export async function readMilestoneWatch(context: IPollFunctions, client: LinkkitClient): Promise<MilestoneWatch> {
	const scope = context.getNodeParameter('watch', 'link') as MilestoneWatch['scope'];
	const milestone = readMilestone(context.getNodeParameter('milestone', 100));
	const watch: MilestoneWatch = { scope, milestone };
	if (scope === 'link') watch.linkId = await pickedId(context, client, 'milestoneLinkId');
	else watch.campaignId = await pickedId(context, client, 'milestoneCampaignId');
	if (!watch.linkId && !watch.campaignId) {
		throw new NodeOperationError(
			context.getNode(),
			scope === 'link'
				? 'Choose the link to watch in "Link" (from the list, by ID or by URL).'
				: 'Choose the campaign to watch in "Campaign" (from the list or by ID).',
		);
	}
	return watch;
}
