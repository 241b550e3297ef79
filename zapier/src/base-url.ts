/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Zapier app, never shipped in the n8n package */
/**
 * Where the app sends requests. A public Zapier integration must not let a user send their API key to a host of
 * their choosing, so there is no Base URL field: the app always talks to Linkkit's production API, unless the
 * process that runs it sets `LINKKIT_API_BASE_URL` (our tests and `zapier-platform invoke` against a local server;
 * Zapier never sets it). The core's own rule checks the value (https, or http on the loopback only).
 */
import { DEFAULT_BASE_URL, normaliseBaseUrl } from '../../core';

export const BASE_URL_VARIABLE = 'LINKKIT_API_BASE_URL';

/** Read on every step, not at load, so a test can point one process at several local servers in turn. */
export function apiBaseUrl(): string {
	const override = process.env[BASE_URL_VARIABLE];
	return override ? normaliseBaseUrl(override) : DEFAULT_BASE_URL;
}
