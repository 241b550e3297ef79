/**
 * The credential's Base URL: https only, except the local sandbox on 127.0.0.1/localhost.
 * Shared so n8n and Zapier accept and refuse exactly the same addresses.
 */

import { inputError } from './errors';
import { DEFAULT_BASE_URL } from './http';
import { isBlank } from './validation';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function normaliseBaseUrl(value: unknown): string {
	if (isBlank(value)) return DEFAULT_BASE_URL;
	let url: URL;
	try {
		url = new URL(String(value).trim());
	} catch {
		throw inputError('baseUrl', `"${String(value)}" is not a URL such as ${DEFAULT_BASE_URL}`);
	}
	const local = LOCAL_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
		throw inputError('baseUrl', 'must start with https:// (plain http is allowed only for a local sandbox on 127.0.0.1 or localhost)');
	}
	if (url.username || url.password) throw inputError('baseUrl', 'must not contain a user name or password');
	if (url.search || url.hash) throw inputError('baseUrl', 'must not contain ? or #');
	// Paths already carry /v1: a Base URL copied with it ("…/v1") would make every request …/v1/v1/….
	return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '')}`;
}
