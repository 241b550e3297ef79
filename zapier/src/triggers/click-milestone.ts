import { linksAtMilestone, readMilestone, watchedLinks, type Link } from '../../../core';
import { campaignField, linkField } from '../fields/dropdowns';
import { optionalText } from '../inputs';
import { milestoneOutputFields } from '../output-fields/analytics';
import { linkkitPerform } from '../perform';
import { milestoneSample } from '../samples/derived';

const inputFields = [
	linkField({ required: false, helpText: 'Watch this link. Choose a link or a campaign.' }),
	campaignField({ required: false, helpText: 'Or watch every link in this campaign: each link fires once when it reaches the milestone.' }),
	{
		key: 'milestone',
		label: 'Milestone (Clicks)',
		type: 'integer' as const,
		required: true,
		helpText: 'Fire when a link has at least this many clicks in total, e.g. 1000.',
	},
];

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
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			// Which links are watched and which reached the milestone is the core's rule, shared with n8n.
			const milestone = readMilestone(bundle.inputData.milestone);
			const target = { linkId: optionalText(bundle.inputData.linkId), campaignId: optionalText(bundle.inputData.campaignId) };
			const reached = linksAtMilestone(await watchedLinks(client, target), milestone);
			// Zapier expects a poll's items newest first; the core hands them over oldest first.
			return reached.reverse().map((link) => milestoneReached(link, milestone));
		}),
		sample: milestoneSample,
		outputFields: milestoneOutputFields,
	},
};
