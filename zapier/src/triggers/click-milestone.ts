/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { inputError, linksAtMilestone, readMilestone, watchedLinks, type Link, type MilestoneTarget } from '../../../core';
import { campaignField, linkField } from '../fields/dropdowns';
import { optionalText } from '../inputs';
import { milestoneOutputFields } from '../output-fields/analytics';
import { linkkitPerform } from '../perform';
import { milestoneSample } from '../samples/derived';

/** What the trigger watches; the choice shows exactly one required dropdown, so a Zap can never watch nothing. */
const watchField = {
	key: 'watch',
	label: 'Watch',
	required: true,
	altersDynamicFields: true,
	choices: [
		{ value: 'link', label: 'One Link', sample: 'link' },
		{ value: 'campaign', label: 'Every Link in a Campaign', sample: 'campaign' },
	],
	helpText: 'Watch one link, or every link in a campaign (each link then fires once when it reaches the milestone).',
};
const watchedLink = linkField({ helpText: 'The link to watch.' });
const watchedCampaign = campaignField({ helpText: 'The campaign whose links to watch, including links added to it later.' });
const milestoneField = {
	key: 'milestone',
	label: 'Milestone (Clicks)',
	type: 'integer' as const,
	required: true,
	helpText: 'Fire when a link has at least this many clicks in total, e.g. 1000.',
};

/** The one ID dropdown that fits the Watch choice. */
export function watchedIdField(_z: ZObject, bundle: Bundle) {
	if (bundle.inputData.watch === 'link') return [watchedLink];
	if (bundle.inputData.watch === 'campaign') return [watchedCampaign];
	return [];
}

const inputFields = [watchField, watchedIdField, milestoneField];
const labels = [watchField, watchedLink, watchedCampaign, milestoneField];

/** The link or campaign that the Watch choice names; an ID left over from the other choice is ignored. */
function watchTarget(data: Record<string, unknown>): MilestoneTarget {
	const linkId = optionalText(data.linkId);
	const campaignId = optionalText(data.campaignId);
	switch (data.watch) {
		case 'link':
			if (!linkId) throw inputError('linkId', 'choose the link to watch');
			return { linkId };
		case 'campaign':
			if (!campaignId) throw inputError('campaignId', 'choose the campaign whose links to watch');
			return { campaignId };
		default:
			// Zaps set up before Watch existed carry only the ID; the core refuses neither or both.
			if (linkId || campaignId) return { linkId, campaignId };
			throw inputError('watch', 'choose One Link or Every Link in a Campaign');
	}
}

/** Zapier fires once per `id`: link + milestone, so a link fires once for each milestone, however long it stays above. */
export function milestoneReached(link: Link, milestone: number) {
	return { id: `${link.id}-${milestone}`, milestone, linkId: link.id, clicks: link.clicks, link };
}

export const clickMilestone = {
	key: 'click_milestone',
	noun: 'Milestone',
	display: {
		label: 'Link Click Milestone',
		description: 'Triggers once when a link, or any link in a campaign, reaches a number of clicks.',
	},
	operation: {
		type: 'polling' as const,
		inputFields,
		perform: linkkitPerform(labels, async (client, bundle) => {
			// Which links are watched and which reached the milestone is the core's rule, shared with n8n.
			const milestone = readMilestone(bundle.inputData.milestone);
			const reached = linksAtMilestone(await watchedLinks(client, watchTarget(bundle.inputData)), milestone);
			// Zapier expects a poll's items newest first; the core hands them over oldest first.
			return reached.reverse().map((link) => milestoneReached(link, milestone));
		}),
		sample: milestoneSample,
		outputFields: milestoneOutputFields,
	},
};
