/**
 * Where a redirect sends the visitor: the link's `original_url` with `lkclid=<click id>` added to its query [OAS],
 * keeping the existing query string byte for byte (a URL parser would re-encode it) and any fragment after it.
 */
export function destinationWithClickId(originalUrl: string, clickId: string): string {
	const hashAt = originalUrl.indexOf('#');
	const base = hashAt >= 0 ? originalUrl.slice(0, hashAt) : originalUrl;
	const fragment = hashAt >= 0 ? originalUrl.slice(hashAt) : '';
	const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
	return `${base}${separator}lkclid=${encodeURIComponent(clickId)}${fragment}`;
}
