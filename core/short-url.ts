/**
 * Linkkit's links carry no short URL, only `short_code` and `custom_domain`; people want the URL. It is built as
 * `https://{custom_domain or uselinkkit.com}/{short_code}` (docs/assumptions.md A4), and a short URL someone pastes
 * is read back to its code from its last path segment, whatever the host, so another form would still resolve.
 */

import { inputError } from './errors';
import { isBlank, validateShortCode } from './validation';

export const DEFAULT_SHORT_DOMAIN = 'uselinkkit.com';

export function shortUrlOf(link: { short_code: string; custom_domain?: string | null }): string {
	return `https://${link.custom_domain || DEFAULT_SHORT_DOMAIN}/${link.short_code}`;
}

/** A link's short code from what a person gives: the code itself, or a short URL (with or without https://). */
export function shortCodeFrom(field: string, value: unknown): string {
	if (isBlank(value)) throw inputError(field, 'is required — give the short code (such as abc123) or the short URL');
	const raw = String(value).trim();
	if (!/[/.]/.test(raw)) return validateShortCode(field, raw);
	let url: URL;
	try {
		url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
	} catch {
		throw inputError(field, `"${raw}" is neither a short code nor a short URL such as https://uselinkkit.com/abc123`);
	}
	const segment = url.pathname.split('/').filter(Boolean).pop();
	if (!segment) throw inputError(field, `"${raw}" has no short code after the domain (such as https://uselinkkit.com/abc123)`);
	return validateShortCode(field, decodeURIComponent(segment));
}
