/** The calling API key: what it may do, and that in words a person can check at a glance. */

import type { components } from '../generated/openapi';
import type { LinkkitHttp } from '../http';

export type ApiKeyInfo = components['schemas']['ApiKeyInfo'];
export type Scope = components['schemas']['Scope'];

const resources = ['links', 'campaigns', 'segments'] as const;

/**
 * A key's scopes in a few words: "full access", "read-only", or what it may change and read, e.g.
 * "can change links; can read campaigns, segments, analytics". Shown where a connection is named or tested.
 */
export function describeScopes(scopes: readonly string[]): string {
	const has = (scope: string) => scopes.includes(scope);
	const writes = resources.filter((r) => has(`${r}:write`));
	const reads = [...resources.filter((r) => has(`${r}:read`) && !has(`${r}:write`)), ...(has('analytics:read') ? ['analytics'] : [])];
	if (writes.length === resources.length && reads.length === 1) return 'full access';
	if (writes.length === 0 && reads.length === resources.length + 1) return 'read-only';
	if (writes.length === 0 && reads.length === 0) return 'no permissions';
	const parts = [writes.length ? `can change ${writes.join(', ')}` : '', reads.length ? `can read ${reads.join(', ')}` : ''];
	return parts.filter(Boolean).join('; ');
}

export function apiKeyApi(http: LinkkitHttp) {
	return {
		/** Any valid key may ask; a wrong key gets the usual 401. */
		get() {
			return http.call<ApiKeyInfo>('getApiKey', { action: 'check this API key' });
		},
	};
}
