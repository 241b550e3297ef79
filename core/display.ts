/**
 * How Linkkit objects are named and described to people, in the same words on every platform:
 * dropdown labels, date-range choices, and what counts as an edit.
 */

import type { DatePreset } from './resources/analytics';
import type { Link } from './resources/links';

/** How much of an untitled link's destination a picker shows (enough to tell links apart in a narrow list). */
const DESTINATION_IN_LABEL = 60;

/**
 * A link as pickers show it: its title with the short URL, or, untitled, the short URL and where it goes (a search
 * also matches destinations, so a result must show why it matched).
 */
export function linkLabel(link: Pick<Link, 'title' | 'shortUrl' | 'destination'>): string {
	if (link.title) return `${link.title} (${link.shortUrl})`;
	const target = link.destination.replace(/^https?:\/\//i, '');
	return `${link.shortUrl} → ${target.length > DESTINATION_IN_LABEL ? `${target.slice(0, DESTINATION_IN_LABEL - 1)}…` : target}`;
}

/** A link never changed still has updatedAt = createdAt: that is a new link, not an update. */
export function wasEditedAfterCreation(link: Pick<Link, 'createdAt' | 'updatedAt'>): boolean {
	return link.updatedAt !== link.createdAt;
}

/** The date-range choices, labelled and explained once for both platforms (all periods are UTC). */
export const datePresetChoices: ReadonlyArray<{ value: DatePreset; label: string; description: string }> = [
	{ value: 'today', label: 'Today', description: 'Since midnight UTC' },
	{ value: 'yesterday', label: 'Yesterday', description: 'The previous day, midnight to midnight UTC' },
	{ value: 'last7Days', label: 'Last 7 Days', description: 'The 7 days up to now' },
	{ value: 'last30Days', label: 'Last 30 Days', description: 'The 30 days up to now' },
	{ value: 'last90Days', label: 'Last 90 Days', description: 'The 90 days up to now' },
	{ value: 'thisMonth', label: 'This Month', description: 'From the 1st of this month (UTC) until now' },
	{ value: 'lastMonth', label: 'Last Month', description: 'The previous calendar month (UTC)' },
	{ value: 'custom', label: 'Custom', description: 'Choose the start (From) and, optionally, the end (To) yourself' },
];
