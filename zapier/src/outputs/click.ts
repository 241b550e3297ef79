/** A click on a link: Linkkit's click fields, and which link it was (the link is read once per poll). */
import type { Click, LinkWithUrl } from '../../../core';
import { linkSummary, type LinkSummary } from './link';

export interface ClickOutput {
	id: string;
	clicked_at: string;
	country: string | null;
	city: string | null;
	device: string | null;
	browser: string | null;
	os: string | null;
	referer: string | null;
	link_id: string;
	link: LinkSummary;
}

export function clickOutput(click: Click, link: LinkWithUrl): ClickOutput {
	return {
		id: click.id as string,
		clicked_at: click.clicked_at as string,
		country: click.country ?? null,
		city: click.city ?? null,
		device: click.device ?? null,
		browser: click.browser ?? null,
		os: click.os ?? null,
		referer: click.referer ?? null,
		link_id: link.id,
		link: linkSummary(link, link.short_url),
	};
}
