/**
 * Links as the app hands them on: Linkkit's own fields (every one present, null when empty, so a Zap's field
 * mapping never loses a key), the `short_url` people use, and the name of the link's segment next to its id.
 */
import type { LinkkitClient, LinkWithUrl } from '../../../core';

export interface LinkOutput {
	id: string;
	short_code: string;
	original_url: string;
	title: string | null;
	custom_domain: string | null;
	is_active: boolean | null;
	expire_at: string | null;
	notes: string | null;
	list_id: string | null;
	created_at: string;
	updated_at: string;
	short_url: string;
	/** The segment's name (the API's list), looked up once for all links of a step. */
	list_name: string | null;
}

function linkOutput(link: LinkWithUrl, segmentName: string | null): LinkOutput {
	return {
		id: link.id,
		short_code: link.short_code,
		original_url: link.original_url,
		title: link.title ?? null,
		custom_domain: link.custom_domain ?? null,
		is_active: link.is_active ?? null,
		expire_at: link.expire_at ?? null,
		notes: link.notes ?? null,
		list_id: link.list_id ?? null,
		created_at: link.created_at,
		updated_at: link.updated_at,
		short_url: link.short_url,
		list_name: segmentName,
	};
}

/** One request for the segments, and only when a link is in one. */
export async function linkOutputs(client: LinkkitClient, links: readonly LinkWithUrl[]): Promise<LinkOutput[]> {
	const names = new Map<string, string>();
	if (links.some((link) => link.list_id)) {
		for (const segment of await client.segments.list()) if (segment.id && segment.name) names.set(segment.id, segment.name);
	}
	return links.map((link) => linkOutput(link, link.list_id ? (names.get(link.list_id) ?? null) : null));
}

export async function linkOutputOf(client: LinkkitClient, link: LinkWithUrl): Promise<LinkOutput> {
	return (await linkOutputs(client, [link]))[0];
}

/** How clicks, conversions and milestones name their link: the fields a Conversion's `link` has, plus the short URL. */
export interface LinkSummary {
	short_code: string;
	title: string | null;
	custom_domain: string | null;
	short_url: string;
}

export function linkSummary(link: { short_code: string; title?: string | null; custom_domain?: string | null }, shortUrl: string): LinkSummary {
	return { short_code: link.short_code, title: link.title ?? null, custom_domain: link.custom_domain ?? null, short_url: shortUrl };
}
