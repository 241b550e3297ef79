/**
 * Click Milestone: fires once when a link's clicks reach a number. Links carry no click count, so each poll reads
 * the link and one click of it (`meta.total` is the count): two requests, whatever the link's traffic. Zapier keeps
 * what fired: the id is link + milestone, so a link fires once per milestone however long it stays above it, and a
 * link already past it when the Zap is turned on counts as seen.
 */
import { inputError, isBlank, shortCodeFrom, type Click, type LinkkitClient, type Paged } from '../../../core';
import { linkPicker } from '../fields/pickers';
import { milestoneOutputFields } from '../output-fields/events';
import { linkSummary } from '../outputs/link';
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

/** A whole number of clicks of 1 or more; a refusal names the field. */
export function readMilestone(value: unknown): number {
	const milestone = isBlank(value) ? NaN : Number(value);
	if (!Number.isInteger(milestone) || milestone < 1) throw inputError('milestone', `"${String(value ?? '')}" is not a whole number of clicks of 1 or more`);
	return milestone;
}

/** All clicks the link has had, from one page of one click. */
export async function totalClicks(client: LinkkitClient, shortCode: string): Promise<number> {
	const answer = await client.http.call<Paged<Click>>('listLinkClicks', { pathParams: { shortCode }, query: { page: 1, limit: 1 }, action: 'read analytics' });
	return answer.meta?.total ?? (await client.analytics.allClicks(shortCode)).clicks.length;
}

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
			const link = await client.links.get(shortCodeFrom('link', bundle.inputData.link));
			const clicks = await totalClicks(client, link.short_code);
			if (clicks < milestone) return [];
			return [{ id: `${link.id}-${milestone}`, milestone, total_clicks: clicks, link_id: link.id, link: linkSummary(link, link.short_url) }];
		}),
		sample: milestoneSample,
		outputFields: milestoneOutputFields,
	},
};
