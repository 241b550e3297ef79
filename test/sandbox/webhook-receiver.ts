/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test helper, never shipped in the n8n package */
/** A webhook receiver on 127.0.0.1 for the suites: records every delivery byte for byte, answers as told. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	path: string;
	headers: Record<string, string | string[] | undefined>;
	/** The body exactly as sent. */
	raw: string;
	at: number;
}

export interface Receiver {
	url: string;
	received: Received[];
	/** The status to answer (default 200), or a function of the attempt number; 'hang' never answers. */
	answer: number | 'hang' | ((received: Received, index: number) => number | 'hang');
	close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
	const hanging = new Set<() => void>();
	const receiver: Receiver = { url: '', received: [], answer: 200, close: async () => {} };
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const received = { path: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
			receiver.received.push(received);
			const answer = typeof receiver.answer === 'function' ? receiver.answer(received, receiver.received.length - 1) : receiver.answer;
			if (answer === 'hang') {
				hanging.add(() => res.destroy());
				return;
			}
			res.statusCode = answer;
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	receiver.close = async () => {
		for (const end of hanging) end();
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return receiver;
}
