/**
 * The polling trigger's events, platform-neutral: a poll takes the state the platform kept and gives the new items
 * and the state to keep. The state names the event and its options: a different event or option starts over with a
 * first poll, which only records where things stand (history is never sent). "Fetch Test Event" (`sampleEvent`)
 * shows the newest real item and touches no state.
 *
 * Requests per poll (pages of 100; measured in test/n8n-trigger):
 * - New Link: 1; while more than 100 new links are handed on, about 13 (1 000 links a poll, oldest first);
 * - Updated Link: 1 per 100 links (the whole list: Linkkit sorts links by creation, not by change);
 * - New Click: 1, plus 1 for the link when there are clicks to hand on; about 11 while a burst is handed on;
 * - New Conversion: 1; about 10 while a burst is handed on;
 * - New Segment: 1 (segments come whole);
 * - Click Milestone: 1 per watched link still below the milestone, plus 1 per 100 links of a watched segment, plus 1
 *   per link that fires when one link is watched (a watched link that reached it costs nothing more).
 */

import type { LinkkitClient } from './client';
import { inputError } from './errors';
import { milestoneSample, milestoneSource, markMilestone, pollMilestone, readMilestone, type MilestoneState } from './milestones';
import { isoOf, type PollLimits } from './polling';
import { markNewestFirst, pollNewestFirst, type NewestFirstState } from './polling-newest-first';
import { markRanged, pollRanged, type RangedState } from './polling-ranged';
import { markScan, newestScanned, pollScan, type ScanFeed, type ScanState } from './polling-scan';
import { conversionTypes, type ConversionType } from './resources/conversions';
import { shortCodeFrom } from './short-url';
import { clickFeed, clickItem, conversionFeed, newLinkFeed, newSegmentFeed, updatedLinkFeed } from './trigger-feeds';
import { isBlank, validateUuid } from './validation';

export const pollingEvents = ['newLink', 'updatedLink', 'newClick', 'clickMilestone', 'newConversion', 'newSegment'] as const;
export type PollingEvent = (typeof pollingEvents)[number];

/** What a person chose for the event; only the options the event uses are read. */
export interface EventOptions {
	/** New Link, Updated Link: only links of this segment. Click Milestone: every link of this segment. */
	segmentId?: string;
	/** New Click, Click Milestone: the link (short code or short URL). */
	link?: string;
	/** New Conversion: `lead`, `sale`, or both when empty. */
	conversionType?: string;
	/** Click Milestone: the number of clicks. */
	milestone?: unknown;
}

/** How far back the first look at a link's clicks goes, and what Fetch Test Event shows. */
export const CLICK_LOOKBACK_MS = 30 * 86_400_000;

/** What a platform keeps between polls (plain JSON, a few dozen bytes; Click Milestone adds an id per link past it). */
export type TriggerState = { key: string } & Partial<NewestFirstState & RangedState & ScanState & MilestoneState>;

export interface EventPoll {
	items: Array<Record<string, unknown>>;
	state: TriggerState;
	/** More settled items are waiting for the next poll (a burst being handed on in chunks). */
	more: boolean;
}

/** The options an event uses, checked and in one form, so equal choices give the same state key. */
export function normaliseOptions(event: PollingEvent, options: EventOptions): EventOptions {
	const segment = () => (isBlank(options.segmentId) ? undefined : validateUuid('segmentId', options.segmentId, 'segment'));
	const link = () => shortCodeFrom('link', options.link);
	switch (event) {
		case 'newLink':
		case 'updatedLink':
			return { segmentId: segment() };
		case 'newClick':
			return { link: link() };
		case 'newConversion': {
			const type = isBlank(options.conversionType) || options.conversionType === 'both' ? undefined : options.conversionType;
			if (type !== undefined && !conversionTypes.includes(type as ConversionType)) throw inputError('conversionType', `"${type}" is not lead, sale or both`);
			return { conversionType: type };
		}
		case 'newSegment':
			return {};
		case 'clickMilestone': {
			const milestone = readMilestone(options.milestone);
			if (!isBlank(options.segmentId)) {
				if (!isBlank(options.link)) throw inputError('segmentId', 'choose a link or a segment, not both');
				return { segmentId: segment(), milestone };
			}
			if (isBlank(options.link)) throw inputError('link', 'choose the link to watch, or a segment');
			return { link: link(), milestone };
		}
		default:
			throw inputError('event', `"${String(event)}" is not one of ${pollingEvents.join(', ')}`);
	}
}

export function stateKey(event: PollingEvent, options: EventOptions): string {
	return JSON.stringify([event, normaliseOptions(event, options)]);
}

function isState(stored: unknown, key: string): stored is TriggerState {
	return typeof stored === 'object' && stored !== null && (stored as TriggerState).key === key;
}

/** One poll: the first (or after a change of event or options) records the mark; later ones hand on what is new. */
export async function pollEvent(client: LinkkitClient, event: PollingEvent, options: EventOptions, stored: unknown, limits: PollLimits = {}): Promise<EventPoll> {
	const chosen = normaliseOptions(event, options);
	const key = JSON.stringify([event, chosen]);
	const previous = isState(stored, key) ? stored : undefined;
	const started = (state: object): EventPoll => ({ items: [], state: { key, ...state }, more: false });
	const polled = (result: { items: unknown[]; state: object; more?: boolean }): EventPoll => ({
		items: result.items as Array<Record<string, unknown>>,
		state: { key, ...result.state },
		more: result.more ?? false,
	});

	async function scanned<T>(feed: ScanFeed<T>): Promise<EventPoll> {
		if (!previous?.mark) return started(await markScan(feed, limits));
		return polled(await pollScan(feed, { mark: previous.mark }, limits));
	}

	switch (event) {
		case 'newLink': {
			const feed = newLinkFeed(client, chosen.segmentId);
			if (!previous?.mark) return started(await markNewestFirst(feed, limits));
			return polled(await pollNewestFirst(feed, { mark: previous.mark, below: previous.below }, limits));
		}
		case 'updatedLink':
			return await scanned(updatedLinkFeed(client, chosen.segmentId));
		case 'newSegment':
			return await scanned(newSegmentFeed(client));
		case 'newClick': {
			const code = chosen.link as string;
			const feed = clickFeed(client, code);
			if (!previous?.mark) return started(await markRanged(feed, { from: lookbackStart(client) }, limits));
			const result = await pollRanged(feed, { mark: previous.mark, walk: previous.walk }, limits);
			// The link is read once a poll has clicks to hand on: a poll with nothing new stays one request.
			const link = result.items.length ? await client.links.get(code) : undefined;
			return polled({ ...result, items: link ? result.items.map((click) => clickItem(click, link)) : [] });
		}
		case 'newConversion': {
			const feed = conversionFeed(client, chosen.conversionType as ConversionType | undefined);
			if (!previous?.mark) return started(await markRanged(feed, {}, limits));
			return polled(await pollRanged(feed, { mark: previous.mark, walk: previous.walk }, limits));
		}
		case 'clickMilestone': {
			const source = milestoneSource(client, { link: chosen.link, segmentId: chosen.segmentId });
			const milestone = chosen.milestone as number;
			if (!previous?.reached) return started(await markMilestone(source, milestone));
			return polled(await pollMilestone(source, milestone, { reached: previous.reached }));
		}
	}
}

/** "Fetch Test Event": the newest real item of the event (the watched link with the most clicks for a milestone). */
export async function sampleEvent(client: LinkkitClient, event: PollingEvent, options: EventOptions): Promise<Record<string, unknown> | undefined> {
	const chosen = normaliseOptions(event, options);
	switch (event) {
		case 'newLink':
			return (await newLinkFeed(client, chosen.segmentId).read(1, 1)).data[0];
		case 'updatedLink':
			return await newestScanned(updatedLinkFeed(client, chosen.segmentId));
		case 'newSegment':
			return (await newestScanned(newSegmentFeed(client))) as Record<string, unknown> | undefined;
		case 'newClick': {
			const code = chosen.link as string;
			const [click] = (await clickFeed(client, code).read({ from: lookbackStart(client) }, 1, 1)).data;
			return click && clickItem(click, await client.links.get(code));
		}
		case 'newConversion':
			return (await conversionFeed(client, chosen.conversionType as ConversionType | undefined).read({}, 1, 1)).data[0];
		case 'clickMilestone':
			return await milestoneSample(milestoneSource(client, { link: chosen.link, segmentId: chosen.segmentId }), chosen.milestone as number);
	}
}

function lookbackStart(client: LinkkitClient): string {
	return isoOf((client.http.serverNow() ?? client.http.localNow()) - CLICK_LOOKBACK_MS);
}
