/**
 * The connection form: the API key, and the publishable key that recording leads and sales needs. There is no
 * Base URL field on purpose (see base-url.ts): a public integration must not send the key to a host a user types.
 */
export const authFields = [
	{
		key: 'apiKey',
		label: 'API Key',
		type: 'password' as const,
		required: true,
		helpText: 'Your Linkkit API key. Create one in Linkkit under [Settings → API Keys](https://app.uselinkkit.com/settings/api-keys).',
	},
	{
		key: 'publishableKey',
		label: 'Publishable Key',
		type: 'password' as const,
		required: false,
		helpText:
			"Your workspace's publishable key (it starts with pk_), from [Settings → API Keys](https://app.uselinkkit.com/settings/api-keys) in Linkkit. Needed only for " +
			'the Track Lead and Track Sale actions; leave it empty otherwise.',
	},
];
