/**
 * Click Milestone: fires once when a link's clicks reach a number. How a link's clicks are counted (one request:
 * `meta.total` of its click list) and what a milestone is are the core's (core/milestones.ts, shared with n8n). Zapier
 * keeps what fired: the id is link + milestone, so a link fires once per milestone however long it stays above it,
 * and a link already past it when the Zap is turned on counts as seen. Two requests a poll: the link and its count.
 */
import { milestoneSource, readMilestone, shortCodeFrom } from '../../../core';
import { linkPicker } from '../fields/pickers';
import { milestoneOutputFields } from '../output-fields/events';
import { linkOutputOf } from '../outputs/link';
import { linkkitPerform } from '../perform';
import { milestoneSample } from '../samples/events';

const inputFields = [
	linkPicker({ inAction: false, helpText: 'The link to watch: pick it, or enter its short code or short URL.' }),
	{
		key: 'milestone',
		label: 'Milestone (Clicks)',
		type: 'integer' as const,
		required: true,
		helpText: 'Fire when the link has at least this many clicks in total, e.g. 1000.',
	},
];

export const clickMilestone = {
	key: 'click_milestone',
	noun: 'Milestone',
	display: {
		label: 'Click Milestone',
		description: 'Triggers when a short link reaches a number of clicks (once per link and number).',
	},
	operation: {
		type: 'polling' as const,
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const milestone = readMilestone(bundle.inputData.milestone);
			const code = shortCodeFrom('link', bundle.inputData.link);
			const source = milestoneSource(client, { link: code });
			const link = await source.link(code);
			const clicks = await source.clicks(link.short_code);
			if (clicks < milestone) return [];
			return [{ ...(await linkOutputOf(client, link)), id: `${link.id}-${milestone}`, link_id: link.id, milestone, clicks }];
		}),
		sample: milestoneSample,
		outputFields: milestoneOutputFields,
	},
};
