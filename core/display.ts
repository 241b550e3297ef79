/**
 * How Linkkit objects are named and described to people, in the same words on every platform:
 * dropdown labels, date-range choices, and what counts as an edit.
 */

import type { DatePreset } from './resources/analytics';
import type { Link } from './resources/links';

/** A link as pickers show it: its title with the short URL, or the short URL alone. */
export function linkLabel(link: Pick<Link, 'title' | 'shortUrl'>): string {
	return link.title ? `${link.title} (${link.shortUrl})` : link.shortUrl;
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
