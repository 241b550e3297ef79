/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * Custom auth with an API key. The test lists one link (the cheapest call every key can make with
 * links:read); the connection label shows the API host and the key's last four characters, so a user with several
 * keys can tell them apart without the key being shown.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { DEFAULT_BASE_URL, normaliseBaseUrl } from '../../core';
import { authFields } from './fields/auth';
import { linkkitPerform } from './perform';

/** Keys shorter than this show no suffix at all: four characters would be too large a share of them. */
const MIN_KEY_LENGTH_FOR_SUFFIX = 20;

export function connectionLabel(_z: ZObject, bundle: Bundle): string {
	let host = new URL(DEFAULT_BASE_URL).host;
	try {
		host = new URL(normaliseBaseUrl(bundle.authData.baseUrl)).host;
	} catch {
		// an unusable base URL fails the test itself; the label just falls back to the default host
	}
	const key = String(bundle.authData.apiKey ?? '').trim();
	return key.length >= MIN_KEY_LENGTH_FOR_SUFFIX ? `${host} · key ending ${key.slice(-4)}` : host;
}

const test = linkkitPerform(authFields, async (client) => {
	const page = await client.links.listPage({}, { limit: 1 });
	return { ok: true, linksVisible: page.data.length > 0 };
}, { authTest: true });

export const authentication = {
	type: 'custom' as const,
	fields: authFields,
	test,
	connectionLabel,
};
