/**
 * "Link Click Milestone", the part both platforms share: reading the milestone, which links are watched, and which
 * of them have reached it. Remembering what already fired stays with each platform (n8n keeps the fired link IDs in
 * static data; Zapier dedupes by an `id` of link + milestone).
 */

import type { LinkkitClient } from './client';
import { inputError } from './errors';
import { collect } from './pagination';
import type { Link } from './resources/links';
import { isBlank } from './validation';

/** One link, or every link of a campaign; exactly one of the two. */
export interface MilestoneTarget {
	linkId?: string;
	campaignId?: string;
}

/** The milestone as a whole number of clicks of 1 or more; a refusal names the `milestone` field. */
export function readMilestone(value: unknown): number {
	const milestone = isBlank(value) ? NaN : Number(value);
	if (!Number.isInteger(milestone) || milestone < 1) {
		throw inputError('milestone', `"${String(value ?? '')}" is not a whole number of clicks of 1 or more`);
	}
	return milestone;
}

/**
 * The links a milestone watches. A campaign is walked completely, oldest first (one request per 100 links).
 *
 * Why all of them: a cap silently stops watching some links, and with Linkkit's newest-first lists it would drop the
 * oldest ones — the links that have had the most time to collect clicks, so the likeliest to reach a milestone — and
 * which links drop out would shift each time a link is added. Why oldest first: links that reach the milestone in the
 * same poll come out in the order they were created, on every platform and every poll.
 */
export async function watchedLinks(client: LinkkitClient, target: MilestoneTarget): Promise<Link[]> {
	const { linkId, campaignId } = target;
	if (linkId && campaignId) throw inputError('campaignId', 'choose a link or a campaign, not both');
	if (linkId) return [await client.links.get(linkId)];
	if (campaignId) return await collect(client.links.iterate({ campaignId, sort: 'createdAt' }, { returnAll: true }));
	throw inputError('linkId', 'choose the link to watch, or a campaign');
}

/** The links with at least `milestone` clicks, in the order given. */
export function linksAtMilestone(links: readonly Link[], milestone: number): Link[] {
	return links.filter((link) => link.clicks >= milestone);
}
