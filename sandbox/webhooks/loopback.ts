/**
 * A23: the sandbox delivers webhooks only to http(s) targets on this machine's loopback (127.0.0.1, localhost,
 * [::1]), so nothing it does ever leaves the machine.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackTarget(target: string): boolean {
	let url: URL;
	try {
		url = new URL(target);
	} catch {
		return false;
	}
	return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
}
