import { inputError, type Link } from '../../../core';
import { campaignField, linkField } from '../fields/dropdowns';
import { optionalText } from '../inputs';
import { milestoneOutputFields } from '../output-fields/analytics';
import { linkkitPerform } from '../perform';
import { milestoneSample } from '../samples/derived';

/** The most links of one campaign checked per poll; Linkkit lists newest first, so the newest are checked. */
export const MAX_CAMPAIGN_LINKS = 1000;

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

function readMilestone(value: unknown): number {
	const milestone = Number(value);
	if (!Number.isInteger(milestone) || milestone < 1) throw inputError('milestone', `"${String(value)}" is not a whole number of clicks of 1 or more`);
	return milestone;
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
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const milestone = readMilestone(bundle.inputData.milestone);
			const linkId = optionalText(bundle.inputData.linkId);
			const campaignId = optionalText(bundle.inputData.campaignId);
			if (linkId && campaignId) throw inputError('campaignId', 'choose a link or a campaign, not both');
			let links: Link[] = [];
			if (linkId) links = [await client.links.get(linkId)];
			else if (campaignId) for await (const link of client.links.iterate({ campaignId }, { limit: MAX_CAMPAIGN_LINKS })) links.push(link);
			else throw inputError('linkId', 'choose the link to watch, or a campaign');
			return links.filter((link) => link.clicks >= milestone).map((link) => milestoneReached(link, milestone));
		}),
		sample: milestoneSample,
		outputFields: milestoneOutputFields,
	},
};
