/**
 * How Linkkit objects are named and described to people, in the same words on every platform: picker labels, and
 * what counts as an edit.
 */

import type { LinkWithUrl } from './resources/links';

/** How much of an untitled link's destination a picker shows (enough to tell links apart in a narrow list). */
const DESTINATION_IN_LABEL = 60;

/**
 * A link as pickers show it: its title with the short URL, or, untitled, its code and where it goes — the part a
 * person recognises comes before a narrow list cuts the line (a search also matches destinations, so a result must
 * show why it matched; codes are unique, so the code alone names the link).
 */
export function linkLabel(link: Pick<LinkWithUrl, 'title' | 'short_url' | 'short_code' | 'original_url'>): string {
	if (link.title) return `${link.title} (${link.short_url})`;
	const target = link.original_url.replace(/^https?:\/\//i, '');
	return `${link.short_code} → ${target.length > DESTINATION_IN_LABEL ? `${target.slice(0, DESTINATION_IN_LABEL - 1)}…` : target}`;
}

/** A link never changed still has updated_at = created_at: that is a new link, not an update. */
export function wasEditedAfterCreation(link: { created_at?: string; updated_at?: string }): boolean {
	return !!link.updated_at && !!link.created_at && Date.parse(link.updated_at) > Date.parse(link.created_at);
}
