/** The one sandbox account's fixed settings. */

/** Used when a link names no domain and its campaign has no default domain. */
export const DEFAULT_DOMAIN = 'lnkk.it';

/** The short domains this account may create links on. */
export const ACCOUNT_DOMAINS: readonly string[] = [DEFAULT_DOMAIN, 'go.acme-shop.com'];

export function isAccountDomain(domain: string): boolean {
	return ACCOUNT_DOMAINS.includes(domain.toLowerCase());
}

export const shortUrlOf = (domain: string, slug: string) => `https://${domain}/${slug}`;
