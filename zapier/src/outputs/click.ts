/**
 * A click as the triggers hand it on: the core's click item (Linkkit's click fields, and the link's id, short code
 * and short URL — the same on n8n), every field present, and the link's title as the name next to its id.
 */
import { clickItem, type Click, type DeliveredClick, type LinkWithUrl } from '../../../core';

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
	short_code: string;
	short_url: string;
	link_title: string | null;
}

export function clickOutput(click: Click, link: LinkWithUrl): ClickOutput {
	const item = clickItem(click, link);
	return {
		id: item.id as string,
		clicked_at: item.clicked_at as string,
		country: item.country ?? null,
		city: item.city ?? null,
		device: item.device ?? null,
		browser: item.browser ?? null,
		os: item.os ?? null,
		referer: item.referer ?? null,
		link_id: item.link_id,
		short_code: item.short_code,
		short_url: item.short_url,
		link_title: link.title ?? null,
	};
}

/**
 * A click an instant trigger received (the core's `deliveryItem`: Linkkit's click fields and the link's id, short code
 * and short URL), in exactly the polling trigger's shape; `linkTitle` is the link's as read for it, if it could be.
 */
export function deliveredClickOutput(item: DeliveredClick, linkTitle: string | null): ClickOutput {
	return {
		id: String(item.id),
		clicked_at: String(item.clicked_at),
		country: item.country ?? null,
		city: item.city ?? null,
		device: item.device ?? null,
		browser: item.browser ?? null,
		os: item.os ?? null,
		referer: item.referer ?? null,
		link_id: item.link_id,
		short_code: item.short_code,
		short_url: item.short_url,
		link_title: linkTitle,
	};
}
