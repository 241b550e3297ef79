/**
 * "Link Click Milestone" in n8n: which links are watched and which reached N clicks is the shared core's rule
 * (`core/milestones`); this file adds what only n8n needs — remembering, in the workflow's static data, which links
 * already fired for this N, so a link fires once per milestone and links already past N at activation count as history.
 */

import { linksAtMilestone, watchedLinks, type Link, type LinkkitClient, type MilestoneTarget } from '../../core';

export interface MilestoneWatch extends MilestoneTarget {
	scope: 'link' | 'campaign';
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

export async function pollMilestone(
	client: LinkkitClient,
	watch: MilestoneWatch,
	state: MilestoneState | undefined,
): Promise<{ items: MilestoneItem[]; state: MilestoneState }> {
	const key = milestoneKey(watch);
	const reached = linksAtMilestone(await watchedLinks(client, watch), watch.milestone);
	if (!state || state.key !== key) {
		return { items: [], state: { key, fired: reached.map((link) => link.id).sort() } };
	}
	const fired = new Set(state.fired);
	const fresh = reached.filter((link) => !fired.has(link.id));
	// Only links still at or past the milestone are kept (clicks never go down, so a link that left was deleted or
	// moved out of the campaign): the state stays as small as the set of links that fired, whatever the workflow's age.
	return {
		items: fresh.map((link) => ({ ...link, milestone: watch.milestone })),
		state: { key, fired: reached.map((link) => link.id).sort() },
	};
}

/** For "Fetch Test Event": the watched link with the most clicks, shaped like a real event. */
export async function milestoneSample(client: LinkkitClient, watch: MilestoneWatch): Promise<MilestoneItem | undefined> {
	const links = await watchedLinks(client, watch);
	const top = [...links].sort((a, b) => b.clicks - a.clicks)[0];
	return top && { ...top, milestone: watch.milestone };
}
