/**
 * "Link Click Milestone": fires once when a watched link reaches N clicks. Watches one link (one request per poll)
 * or every link of a campaign (one request per 100 links of the campaign). Remembers which links already fired for
 * this N, so a link fires once per milestone; links already past N when the trigger is activated count as history.
 */

import type { Link, LinkkitClient } from '../../core';
import { collect } from '../../core/pagination';

export interface MilestoneWatch {
	scope: 'link' | 'campaign';
	linkId?: string;
	campaignId?: string;
	milestone: number;
}

export interface MilestoneState {
	key: string;
	/** IDs of the links that reached the milestone (emitted, or already past it at activation). */
	fired: string[];
}

export type MilestoneItem = Link & { milestone: number };

export function milestoneKey(watch: MilestoneWatch): string {
	const target = watch.scope === 'link' ? `link:${watch.linkId}` : `campaign:${watch.campaignId}`;
	return `milestone:${watch.milestone}:${target}`;
}

export async function watchedLinks(client: LinkkitClient, watch: MilestoneWatch): Promise<Link[]> {
	if (watch.scope === 'link') return [await client.links.get(watch.linkId ?? '')];
	return await collect(client.links.iterate({ campaignId: watch.campaignId, sort: 'createdAt' }, { returnAll: true }));
}

export async function pollMilestone(
	client: LinkkitClient,
	watch: MilestoneWatch,
	state: MilestoneState | undefined,
): Promise<{ items: MilestoneItem[]; state: MilestoneState }> {
	const key = milestoneKey(watch);
	const links = await watchedLinks(client, watch);
	const reached = links.filter((link) => link.clicks >= watch.milestone);
	if (!state || state.key !== key) {
		return { items: [], state: { key, fired: reached.map((link) => link.id).sort() } };
	}
	const fired = new Set(state.fired);
	const fresh = reached.filter((link) => !fired.has(link.id));
	for (const link of fresh) fired.add(link.id);
	return {
		items: fresh.map((link) => ({ ...link, milestone: watch.milestone })),
		state: { key, fired: [...fired].sort() },
	};
}

/** For "Fetch Test Event": the watched link with the most clicks, shaped like a real event. */
export async function milestoneSample(client: LinkkitClient, watch: MilestoneWatch): Promise<MilestoneItem | undefined> {
	const links = await watchedLinks(client, watch);
	const top = [...links].sort((a, b) => b.clicks - a.clicks)[0];
	return top && { ...top, milestone: watch.milestone };
}
