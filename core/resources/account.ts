/** Who an API key belongs to, the workspaces it reaches, and the workspace's custom domains (read only). */

import type { LinkkitHttp } from '../http';
import { validateUuid } from '../validation';
import type { Schemas, Whole } from './common';

export type Workspace = Schemas['Workspace'];
export type Domain = Schemas['Domain'];
export type DomainDetail = Schemas['DomainDetail'];

/** `GET /v1/auth/test`'s answer. */
export interface KeyOwner {
	user_id?: string;
	workspace_id?: string | null;
	email?: string | null;
	name?: string | null;
}

export function accountApi(http: LinkkitHttp) {
	return {
		/** Checks the key; answers its user and workspace (401 when the key is wrong). */
		whoAmI: () => http.call<KeyOwner>('testAuth', { action: 'check the API key' }),
		workspaces: async (): Promise<Workspace[]> => (await http.call<Whole<Workspace>>('listWorkspaces', { action: 'read workspaces' })).data ?? [],
		domains: async (): Promise<Domain[]> => (await http.call<Whole<Domain>>('listDomains', { action: 'read domains' })).data ?? [],
		/** One domain with the DNS records (CNAME and TXT) that verify it. */
		domain: (id: unknown) => http.call<DomainDetail>('getDomain', { pathParams: { id: validateUuid('domainId', id, 'domain') }, action: 'read domains' }),
	};
}
