/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * A real-HTTP LinkkitPort for tests: Node's fetch, with the Bearer header added the way a platform's
 * authentication layer would (the core itself never sees the key). Records what it sent and received
 * so tests can assert on requests without mocking anything.
 */

import { createLinkkitClient, type HttpRequest, type HttpResponse, type LinkkitClient, type LinkkitPort, type RetryOptions } from '../../core';

export interface Exchange {
	request: HttpRequest;
	response?: HttpResponse;
}

export class FetchPort implements LinkkitPort {
	readonly exchanges: Exchange[] = [];
	readonly sleeps: number[] = [];

	constructor(private readonly apiKey: string) {}

	async send(request: HttpRequest): Promise<HttpResponse> {
		const exchange: Exchange = { request };
		this.exchanges.push(exchange);
		const answer = await fetch(request.url, {
			method: request.method,
			headers: { ...request.headers, Authorization: `Bearer ${this.apiKey}` },
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
			signal: request.timeoutMs ? AbortSignal.timeout(request.timeoutMs) : undefined,
		});
		const text = await answer.text();
		const type = answer.headers.get('content-type') ?? '';
		const response: HttpResponse = {
			status: answer.status,
			headers: Object.fromEntries(answer.headers.entries()),
			body: type.includes('json') && text ? JSON.parse(text) : text,
		};
		exchange.response = response;
		return response;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		await new Promise((resolve) => setTimeout(resolve, ms));
	}
}

export function realClient(baseUrl: string, apiKey: string, retry: Partial<RetryOptions> = {}): { client: LinkkitClient; port: FetchPort } {
	const port = new FetchPort(apiKey);
	return { port, client: createLinkkitClient(port, { baseUrl, retry: { baseDelayMs: 50, ...retry } }) };
}
