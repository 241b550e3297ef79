/** The connection form: the API key and, for sandboxes and self-hosted Linkkit, the Base URL. */
import { DEFAULT_BASE_URL } from '../../../core';

export const authFields = [
	{
		key: 'apiKey',
		label: 'API Key',
		type: 'password' as const,
		required: true,
		helpText:
			'Your Linkkit API key. Create one in Linkkit under [Settings → API Keys](https://app.uselinkkit.com/settings/api-keys). ' +
			'Give it the write permissions (links, campaigns, segments) for the actions you plan to use.',
	},
	{
		key: 'baseUrl',
		// The key stays `baseUrl`: it is stored in existing connections.
		label: 'Base URL',
		type: 'string' as const,
		required: false,
		helpText:
			`Leave empty to use Linkkit's cloud (${DEFAULT_BASE_URL}). Set it only for a regional or self-hosted Linkkit, ` +
			'or a local Linkkit sandbox; with or without /v1 at the end is fine. It must start with https:// (http:// only for 127.0.0.1 or localhost).',
	},
];
