/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * The only place the API key is used: added as a Bearer header to every request. The core never sees the key,
 * and Zapier scrubs `authData` values from its request logs.
 */
import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';

export function addLinkkitHeaders(request: HttpRequestOptions, _z: ZObject, bundle: Bundle): HttpRequestOptions {
	const apiKey = String(bundle.authData?.apiKey ?? '').trim();
	request.headers = {
		...request.headers,
		Accept: 'application/json',
		'Content-Type': 'application/json',
		...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
	};
	return request;
}
