/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * The only place the API key is used: added as a Bearer header to every request. The core never sees the key,
 * and Zapier scrubs `authData` values from its request logs. The publishable key travels in the body of the two
 * tracking calls (Linkkit's rule), never in a header.
 */
import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';

export function addLinkkitHeaders(request: HttpRequestOptions, _z: ZObject, bundle: Bundle): HttpRequestOptions {
	const apiKey = String(bundle.authData?.apiKey ?? '').trim();
	request.headers = {
		...request.headers,
		...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
	};
	return request;
}
