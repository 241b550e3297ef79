/**
 * The destination screening Linkkit runs before saving a link (blocklists, Google Safe Browsing [OAS]), as a seeded
 * blocklist (A10): `malware.test` and `phishing.test` (with their subdomains) and any host ending in `.evil.test`.
 */
const BLOCKED_DOMAINS = ['malware.test', 'phishing.test'];
const BLOCKED_SUFFIX = '.evil.test';

export const SAFETY_MESSAGE = 'URL failed safety checks';

export function failsSafetyChecks(url: string): boolean {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
	} catch {
		return false;
	}
	return host.endsWith(BLOCKED_SUFFIX) || BLOCKED_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
