/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only tool, never shipped in the n8n package */
/**
 * Injected failures, so connectors can be tested against a flaky API: 500/503 JSON errors, 429s, added latency,
 * dropped connections and a proxy's HTML 502 page. Three controls, strongest first:
 *  1. per request, the `X-Sandbox-Fault` header;
 *  2. scripted, the `next` queue (one step consumed per /v1 request, in order) for deterministic tests;
 *  3. run-level fractions (`rate`, `drop`, `html`) and `latencyMs`, drawn from the seeded PRNG.
 * Faults run after auth and rate limiting and before the handler, so a faulted request never changes data.
 */
import type { RequestHandler, Response } from 'express';
import { ApiError, badRequest, sendError } from './errors';
import { Prng } from './prng';

export type FaultKind = '500' | '503' | 'html' | 'drop' | '429';
export const FAULT_KINDS: readonly FaultKind[] = ['500', '503', 'html', 'drop', '429'];

export interface FaultStep {
	kind: FaultKind;
	/** Seconds for `Retry-After` on a 429 or 503. */
	retryAfter?: number;
}

export interface FaultConfig {
	/** Fraction of requests answered with a JSON 500 or 503 (half each). */
	rate: number;
	/** Latency added to every /v1 request, in ms. */
	latencyMs: number;
	/** Fraction of requests whose connection is destroyed without an answer. */
	drop: number;
	/** Fraction of requests answered with a proxy-style HTML 502 page. */
	html: number;
	next: FaultStep[];
}

export const NO_FAULTS: FaultConfig = { rate: 0, latencyMs: 0, drop: 0, html: 0, next: [] };

export const PROXY_502_PAGE = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

interface Decision {
	latencyMs: number;
	step?: FaultStep;
}

export class FaultController {
	private config: FaultConfig = { ...NO_FAULTS, next: [] };
	private prng: Prng;

	constructor(private readonly seed: number) {
		this.prng = new Prng(seed ^ 0x5eed);
	}

	/** Merges the given fields into the run-level config; `next` replaces the queue. */
	set(update: Partial<FaultConfig>): FaultConfig {
		this.config = { ...this.config, ...update, next: [...(update.next ?? this.config.next)] };
		return this.current;
	}

	clear(): void {
		this.config = { ...NO_FAULTS, next: [] };
		this.prng = new Prng(this.seed ^ 0x5eed);
	}

	get current(): FaultConfig {
		return { ...this.config, next: [...this.config.next] };
	}

	/** Reads `X-Sandbox-Fault: 500|503|html|drop|429|latency=<ms>`; throws a 400 on anything else. */
	private fromHeader(header: string): Decision {
		const latency = /^latency=(\d{1,6})$/.exec(header);
		if (latency) return { latencyMs: Number(latency[1]) };
		if ((FAULT_KINDS as readonly string[]).includes(header)) return { latencyMs: 0, step: { kind: header as FaultKind } };
		throw badRequest('X-Sandbox-Fault', `Unknown fault "${header}"; use 500, 503, html, drop, 429 or latency=<ms>.`);
	}

	decide(header: string | undefined): Decision {
		const latencyMs = this.config.latencyMs;
		if (header) {
			const fromHeader = this.fromHeader(header.trim());
			return { ...fromHeader, latencyMs: latencyMs + fromHeader.latencyMs };
		}
		const scripted = this.config.next.shift();
		if (scripted) return { latencyMs, step: scripted };
		const { drop, html, rate } = this.config;
		if (drop > 0 && this.prng.chance(drop)) return { latencyMs, step: { kind: 'drop' } };
		if (html > 0 && this.prng.chance(html)) return { latencyMs, step: { kind: 'html' } };
		if (rate > 0 && this.prng.chance(rate)) return { latencyMs, step: { kind: this.prng.chance(0.5) ? '500' : '503' } };
		return { latencyMs };
	}
}

function answer(res: Response, step: FaultStep): void {
	switch (step.kind) {
		case 'drop':
			// No status, no body: the client sees a reset connection, like a load balancer dropping it.
			res.socket?.destroy();
			return;
		case 'html':
			res.status(502).type('text/html').send(PROXY_502_PAGE);
			return;
		case '429':
			res.set('Retry-After', String(step.retryAfter ?? 1));
			res.set('X-RateLimit-Remaining', '0');
			sendError(res, new ApiError(429, 'rate_limited', 'Rate limit exceeded (injected by the sandbox).'));
			return;
		case '503':
			if (step.retryAfter) res.set('Retry-After', String(step.retryAfter));
			sendError(res, new ApiError(503, 'service_unavailable', 'Service briefly unavailable (injected by the sandbox).'));
			return;
		case '500':
			sendError(res, new ApiError(500, 'server_error', 'Internal error (injected by the sandbox).'));
			return;
	}
}

export function faultMiddleware(faults: FaultController): RequestHandler {
	return (req, res, next) => {
		const decision = faults.decide(req.get('x-sandbox-fault'));
		const act = () => (decision.step ? answer(res, decision.step) : next());
		if (decision.latencyMs > 0) setTimeout(act, decision.latencyMs);
		else act();
	};
}
