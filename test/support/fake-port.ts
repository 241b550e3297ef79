/**
 * A scripted LinkkitPort with a fake clock, for the retry/backoff/pacing rules that would take
 * minutes of real waiting. Everything that talks to a real server uses the sandbox instead.
 */

import type { HttpRequest, HttpResponse, LinkkitPort } from '../../core';

export type Scripted = HttpResponse | Error | ((request: HttpRequest) => HttpResponse);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
	return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

/** Linkkit's error envelope: `{"error": "<message>"}` (docs/openapi.yaml). */
export function apiError(status: number, message: string, headers: Record<string, string> = {}) {
	return json(status, { error: message }, headers);
}

export class FakePort implements LinkkitPort {
	readonly requests: HttpRequest[] = [];
	readonly sleeps: number[] = [];
	clock = Date.UTC(2026, 10, 27, 12, 0, 0);
	randomValue = 0.5;

	constructor(private readonly script: Scripted[]) {}

	now = () => this.clock;
	random = () => this.randomValue;

	/** More scripted answers, after those given so far. */
	push(...answers: Scripted[]): this {
		this.script.push(...answers);
		return this;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		this.clock += ms;
	}

	async send(request: HttpRequest): Promise<HttpResponse> {
		this.requests.push(structuredClone(request));
		const next = this.script.shift();
		if (next === undefined) throw new Error(`FakePort: no scripted answer for request #${this.requests.length} ${request.method} ${request.url}`);
		if (next instanceof Error) throw next;
		return typeof next === 'function' ? next(request) : next;
	}
}
