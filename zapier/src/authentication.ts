/**
 * Custom auth with an API key (and the optional publishable key for tracking). The test lists one link — the call
 * every other step depends on — and then asks Linkkit whose key it is. The connection label is a template over the
 * test's output (`account`: the account's name and email), so it tells connections apart and never shows any part
 * of a key: Zapier renders it from what the test returned, not from the connection form.
 */
import type { KeyOwner } from '../../core';
import { authFields } from './fields/auth';
import { linkkitPerform } from './perform';

/** What the connection test returns; `account` is what the label shows. */
export interface ConnectionTestOutput {
	user_id: string | undefined;
	workspace_id: string | null;
	name: string | null;
	email: string | null;
	/** "Name (email)", or whichever of the two Linkkit gave; empty without either (Zapier then shows its default). */
	account: string;
}

/** The account as the label names it: nothing hard-coded (Zapier already shows the app's name next to it). */
export function accountName(owner: KeyOwner): string {
	const name = typeof owner.name === 'string' ? owner.name.trim() : '';
	const email = typeof owner.email === 'string' ? owner.email.trim() : '';
	if (name && email) return `${name} (${email})`;
	return name || email;
}

/** A template over the test's output (Zapier lifts its keys to the top level), never over the connection form. */
export const CONNECTION_LABEL = '{{account}}';

const test = linkkitPerform(
	authFields,
	async (client): Promise<ConnectionTestOutput> => {
		await client.links.listPage({}, 1, 1);
		const owner = await client.account.whoAmI();
		return { user_id: owner.user_id, workspace_id: owner.workspace_id ?? null, name: owner.name ?? null, email: owner.email ?? null, account: accountName(owner) };
	},
	{ authTest: true },
);

export const authentication = {
	type: 'custom' as const,
	fields: authFields,
	test,
	connectionLabel: CONNECTION_LABEL,
};
