/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * A tiny HTTP endpoint on 127.0.0.1 that records what a workflow POSTs to it. The trigger's workflows end in an
 * HTTP Request node pointed here, so the suite sees exactly what an active workflow emitted, in order.
 */
import { createServer, type Server } from 'node:http';

export interface Collector {
	url: string;
	/** Bodies received, per request path (one path per workflow). */
	received: Map<string, unknown[]>;
	/** The bodies POSTed to `path` once there are `count` of them, or whatever arrived within `timeoutMs`. */
	waitFor(path: string, count: number, timeoutMs: number): Promise<unknown[]>;
	stop(): Promise<void>;
}

export async function startCollector(): Promise<Collector> {
	const received = new Map<string, unknown[]>();
	const server: Server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			const list = received.get(req.url ?? '/') ?? [];
			received.set(req.url ?? '/', list);
			try {
				list.push(JSON.parse(body));
			} catch {
				list.push(body);
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		async waitFor(path, count, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			const got = () => received.get(path) ?? [];
			while (got().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
			return [...got()];
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
