/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * An HTTP proxy in front of the sandbox, for the trigger suites: the trigger's credential points at it, so every
 * request the node makes passes here first. It records each request's path, and lets a test change Linkkit's data
 * (through the sandbox's API, directly) before a request is forwarded: the way to have links added or deleted between
 * two page reads of one poll, over real HTTP.
 */

import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LinkkitProxy {
	url: string;
	/** Every request forwarded, as path and query (`/v1/links?page=2&limit=100`). */
	paths: string[];
	/** Runs before a request is forwarded (after it is recorded); a status it returns is answered instead of forwarding. */
	before?: (path: string, index: number) => Promise<number | void> | number | void;
	stop(): Promise<void>;
}

export async function startProxy(target: string): Promise<LinkkitProxy> {
	const upstream = new URL(target);
	const proxy: LinkkitProxy = { url: '', paths: [], stop: async () => {} };
	const server: Server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
		const path = incoming.url ?? '/';
		const index = proxy.paths.push(path) - 1;
		void (async () => {
			try {
				const status = await proxy.before?.(path, index);
				if (typeof status === 'number') {
					outgoing.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `answered ${status} by the test proxy` }));
					return;
				}
			} catch (error) {
				outgoing.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `proxy hook failed: ${String(error)}` }));
				return;
			}
			const relay = forward(
				{ host: upstream.hostname, port: upstream.port, path, method: incoming.method, headers: { ...incoming.headers, host: upstream.host } },
				(answer) => {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
				},
			);
			relay.on('error', () => outgoing.destroy());
			incoming.pipe(relay);
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	proxy.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return proxy;
}
