import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

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
			description: 'Generate one in Linkkit under Settings → API Keys. Give it the scopes your workflows need (e.g. links:write to create links).',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.uselinkkit.com',
			placeholder: 'https://api.uselinkkit.com',
			description:
				'Leave as is unless Linkkit gave you a regional address. Must start with https:// — plain http:// works only for a local Linkkit sandbox on 127.0.0.1 or localhost.',
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

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
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
				properties: { value: 403, message: 'This API key lacks the "links:read" permission the connection test needs. Add that scope under Settings → API Keys.' },
			},
		],
	};
}
