/**
 * "Click Milestone": a watched link reaches N clicks. Linkkit has no click counter; a link's count is `meta.total` of
 * its click list asked for one item (one request per link). The watched links are one link, or every link of a
 * segment (its link pages: one request per 100 links).
 *
 * Clicks never go away, so a link that reached N stays there: the state is the set of watched links that reached it
 * (fired, or already past N at the first poll, which is history). Those are not counted again, so a poll costs one
 * request per watched link still below N, plus the segment's pages. Links that leave the segment are forgotten, so
 * the state never holds more than the segment's links. A link fires once per milestone, in creation order within a
 * poll. Counting needs no settle time: a click a list shows late only makes the link fire a poll later.
 */

import type { LinkkitClient } from './client';
import { inputError } from './errors';
import { paginate, type Paged } from './pagination';
import { withShortUrl, type Link, type LinkWithUrl } from './resources/links';
import { shortCodeFrom } from './short-url';
import { isBlank, validateUuid } from './validation';

/** One link (by short code or short URL), or every link of a segment; exactly one of the two. */
export interface MilestoneTarget {
	link?: string;
	segmentId?: string;
}

export interface MilestoneState {
	/** Keys of the watched links at or past the milestone: link ids (a single watched link: its short code). */
	reached: string[];
}

/** What a milestone item says: the link as the action node shows it, the milestone and the clicks counted. */
export type MilestoneItem = LinkWithUrl & { milestone: number; clicks: number };

/** A watched link: what identifies it in the state, its code, and the link itself when the read gave it. */
export interface WatchedLink {
	key: string;
	code: string;
	link?: LinkWithUrl;
}

/** Where a milestone's links and counts come from; `milestoneSource` reads them from Linkkit. */
export interface MilestoneSource {
	/** The watched links, oldest first. */
	watched(): Promise<WatchedLink[]>;
	clicks(code: string): Promise<number>;
	link(code: string): Promise<LinkWithUrl>;
}

/** The milestone as a whole number of clicks of 1 or more; a refusal names the `milestone` field. */
export function readMilestone(value: unknown): number {
	const milestone = isBlank(value) ? NaN : Number(value);
	if (!Number.isInteger(milestone) || milestone < 1) {
		throw inputError('milestone', `"${String(value ?? '')}" is not a whole number of clicks of 1 or more`);
	}
	return milestone;
}

export function milestoneSource(client: LinkkitClient, target: MilestoneTarget): MilestoneSource {
	const { link, segmentId } = target;
	if (!isBlank(link) && !isBlank(segmentId)) throw inputError('segmentId', 'choose a link or a segment, not both');
	if (isBlank(link) && isBlank(segmentId)) throw inputError('link', 'choose the link to watch, or a segment');
	const clicks = async (code: string): Promise<number> => {
		const answer = await client.http.call<Paged<unknown>>('listLinkClicks', { pathParams: { shortCode: code }, query: { page: 1, limit: 1 }, action: 'read analytics' });
		return answer.meta?.total ?? answer.data.length;
	};
	const linkOf = (code: string) => client.links.get(code);
	if (!isBlank(link)) {
		const code = shortCodeFrom('link', link);
		return { watched: async () => [{ key: code, code }], clicks, link: linkOf };
	}
	const list = validateUuid('segmentId', segmentId, 'segment');
	return {
		async watched() {
			// Every link of the segment: a cap would silently stop watching the oldest, the likeliest to reach N.
			const pages = paginate<Link>((page, limit) => client.links.listPage({ list_id: list }, page, limit), { returnAll: true });
			const links: WatchedLink[] = [];
			for await (const found of pages) links.push({ key: found.id, code: found.short_code, link: withShortUrl(found) });
			return links.reverse();
		},
		clicks,
		link: linkOf,
	};
}

/** The first poll: links already at or past the milestone are history. */
export async function markMilestone(source: MilestoneSource, milestone: number): Promise<MilestoneState> {
	const reached: string[] = [];
	for (const watched of await source.watched()) {
		if ((await source.clicks(watched.code)) >= milestone) reached.push(watched.key);
	}
	return { reached };
}

export async function pollMilestone(source: MilestoneSource, milestone: number, state: MilestoneState): Promise<{ items: MilestoneItem[]; state: MilestoneState }> {
	const before = new Set(state.reached);
	const reached: string[] = [];
	const items: MilestoneItem[] = [];
	for (const watched of await source.watched()) {
		if (before.has(watched.key)) {
			reached.push(watched.key);
			continue;
		}
		const clicks = await source.clicks(watched.code);
		if (clicks < milestone) continue;
		reached.push(watched.key);
		items.push({ ...(watched.link ?? (await source.link(watched.code))), milestone, clicks });
	}
	// Only links still watched are kept: the state is never larger than the watched set.
	return { items, state: { reached } };
}

/** For "Fetch Test Event": the watched link with the most clicks, shaped like a real event. */
export async function milestoneSample(source: MilestoneSource, milestone: number): Promise<MilestoneItem | undefined> {
	let best: { watched: WatchedLink; clicks: number } | undefined;
	for (const watched of await source.watched()) {
		const clicks = await source.clicks(watched.code);
		if (!best || clicks > best.clicks) best = { watched, clicks };
	}
	if (!best) return undefined;
	return { ...(best.watched.link ?? (await source.link(best.watched.code))), milestone, clicks: best.clicks };
}
