import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

const DEFAULT_BASE_URL = 'https://api.uselinkkit.com';

/** Where the connection test goes for a Base URL the node refuses; `.invalid` never resolves (RFC 6761). */
export const REFUSED_BASE_URL = 'https://base-url-must-start-with-https.invalid';

export class LinkkitApi implements ICredentialType {
	name = 'linkkitApi';

	displayName = 'Linkkit API';

	icon: Icon = { light: 'file:../nodes/Linkkit/linkkit.svg', dark: 'file:../nodes/Linkkit/linkkit.dark.svg' };

	documentationUrl = 'https://docs.uselinkkit.com/api/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Create one in Linkkit under <a href="https://app.uselinkkit.com/settings/api-keys" target="_blank">Settings → API Keys</a>. Sent to Linkkit as a Bearer token.',
		},
		// A publishable key is meant for websites, yet it records conversions in the workspace's name: kept hidden and
		// out of every output like the API key.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Publishable Key',
			name: 'publishableKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'pk_live_…',
			description:
				"Optional: your workspace's publishable key (starts with pk_), needed only to record leads and sales (Conversion → Track Lead / Track Sale).",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.uselinkkit.com',
			placeholder: 'https://api.uselinkkit.com',
			description:
				'Leave as is unless Linkkit gave you a regional address; with or without /v1 is fine. Must start with https:// — plain http:// works only for a local Linkkit sandbox on 127.0.0.1 or localhost.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	/**
	 * The test must reach the address the node will use, so `baseURL` applies the node's rules
	 * (core/base-url.ts `normaliseBaseUrl`) as an n8n expression: n8n 2.41 puts this request into a
	 * routing node and evaluates it with `$credentials` (credentials-tester.service.ts).
	 * Blank → https://api.uselinkkit.com; a trailing / or /v1 is dropped. An address the node refuses
	 * (not https://, except http:// on 127.0.0.1 or localhost; a user name, ? or #) cannot be sent
	 * anywhere, so it becomes a host that never resolves (`REFUSED_BASE_URL`): the test fails instead of
	 * passing for a credential every run would reject. n8n 2.41 shows such a failure only as its error
	 * code ("ENOTFOUND"), so the Base URL help text carries the rule. There is no clearer route: an
	 * expression cannot raise a message of its own (n8n turns a thrown error into an empty value) and
	 * `rules` only apply to an HTTP answer, which would mean sending the key somewhere.
	 * test/n8n-node/credential.test.ts checks this expression against normaliseBaseUrl.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: String.raw`={{ /^(https:\/\/[^/?#@]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)(\/[^?#@]*)?$/i.test((($credentials.baseUrl || "").trim() || "${DEFAULT_BASE_URL}")) ? (($credentials.baseUrl || "").trim() || "${DEFAULT_BASE_URL}").replace(/\/+$/, "").replace(/\/v1$/i, "") : "${REFUSED_BASE_URL}" }}`,
			url: '/v1/links',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'API key missing or incorrect — generate one in Linkkit under Settings → API Keys.' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'Linkkit refused this API key access to links, which the connection test reads. Check the key under Settings → API Keys.' },
			},
		],
	};
}
