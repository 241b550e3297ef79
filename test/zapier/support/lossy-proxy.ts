/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app tests, never shipped in the n8n package */
/**
 * A proxy on 127.0.0.1 in front of the sandbox that can lose answers: for scripted POSTs it lets the request through
 * (Linkkit acts on it) and then drops the connection before the answer reaches the caller, or answers 429 itself.
 * That is the failure an Idempotency-Key exists for: the object was made, the step never heard of it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyStep = 'pass' | 'lose' | { status: 429; retryAfter: number };

export interface LossyProxy {
	url: string;
	/** What the next POSTs get, in order; POSTs beyond the script, and every other request, pass. */
	script(steps: ProxyStep[]): void;
	/** POSTs seen so far. */
	readonly posts: number;
	stop(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startLossyProxy(target: string): Promise<LossyProxy> {
	let steps: ProxyStep[] = [];
	let posts = 0;
	const server: Server = createServer(async (req, res) => {
		const body = await bodyOf(req);
		const step: ProxyStep = req.method === 'POST' ? (posts++, steps.shift() ?? 'pass') : 'pass';
		if (typeof step === 'object') {
			res.writeHead(step.status, { 'content-type': 'application/json', 'retry-after': String(step.retryAfter), 'x-request-id': 'req_proxy429' });
			res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Rate limit exceeded.', requestId: 'req_proxy429' } }));
			return;
		}
		const headers = Object.fromEntries(
			Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)) as Array<[string, string]>,
		);
		const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: body.length ? body : undefined });
		const text = await answer.text();
		if (step === 'lose') {
			// Linkkit has acted and answered; the caller never hears of it.
			req.socket.destroy();
			return;
		}
		const passed: Record<string, string> = {};
		answer.headers.forEach((value, name) => {
			if (!['content-encoding', 'transfer-encoding', 'content-length', 'connection'].includes(name)) passed[name] = value;
		});
		res.writeHead(answer.status, passed);
		res.end(text);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		script: (next) => void (steps = [...next]),
		get posts() {
			return posts;
		},
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
