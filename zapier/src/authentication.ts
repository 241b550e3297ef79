/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * Custom auth with an API key. The test asks Linkkit which scopes the key holds (any valid key may ask), so the
 * connection can say what it is for: its label shows the API host, the key's last four characters and its access
 * ("full access", "read-only", or what it may change and read).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { DEFAULT_BASE_URL, describeScopes, normaliseBaseUrl } from '../../core';
import { authFields } from './fields/auth';
import { linkkitPerform } from './perform';

/** Keys shorter than this show no suffix at all: four characters would be too large a share of them. */
const MIN_KEY_LENGTH_FOR_SUFFIX = 20;

/** `bundle.inputData` holds what the test returned (Zapier hands it to the label), including `access`. */
export function connectionLabel(_z: ZObject, bundle: Bundle): string {
	let host = new URL(DEFAULT_BASE_URL).host;
	try {
		host = new URL(normaliseBaseUrl(bundle.authData.baseUrl)).host;
	} catch {
		// an unusable base URL fails the test itself; the label just falls back to the default host
	}
	const key = String(bundle.authData.apiKey ?? '').trim();
	const access = typeof bundle.inputData?.access === 'string' ? bundle.inputData.access : undefined;
	return [host, key.length >= MIN_KEY_LENGTH_FOR_SUFFIX ? `key ending ${key.slice(-4)}` : undefined, access].filter(Boolean).join(' · ');
}

const test = linkkitPerform(
	authFields,
	async (client) => {
		const { scopes } = await client.apiKey.get();
		return { ok: true, scopes, access: describeScopes(scopes) };
	},
	{ authTest: true },
);

export const authentication = {
	type: 'custom' as const,
	fields: authFields,
	test,
	connectionLabel,
};
