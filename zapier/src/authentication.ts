/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * Custom auth with an API key (and the optional publishable key for tracking). The test lists one link — the call
 * every other step depends on — and then asks Linkkit whose key it is, so the connection is labelled with the
 * account's name and email: enough to tell connections apart, and never any part of a key.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { KeyOwner } from '../../core';
import { authFields } from './fields/auth';
import { linkkitPerform } from './perform';

/** `bundle.inputData` holds what the test returned (Zapier hands it to the label). */
export function connectionLabel(_z: ZObject, bundle: Bundle): string {
	const owner = (bundle.inputData ?? {}) as KeyOwner;
	const name = typeof owner.name === 'string' ? owner.name.trim() : '';
	const email = typeof owner.email === 'string' ? owner.email.trim() : '';
	if (name && email) return `${name} (${email})`;
	return name || email || 'Linkkit account';
}

const test = linkkitPerform(
	authFields,
	async (client): Promise<KeyOwner> => {
		await client.links.listPage({}, 1, 1);
		const owner = await client.account.whoAmI();
		return { user_id: owner.user_id, workspace_id: owner.workspace_id ?? null, name: owner.name ?? null, email: owner.email ?? null };
	},
	{ authTest: true },
);

export const authentication = {
	type: 'custom' as const,
	fields: authFields,
	test,
	connectionLabel,
};
