/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only tool, never shipped in the n8n package */
/**
 * Injected failures, so connectors can be tested against a flaky API. Three controls, strongest first:
 *  1. per request, the `X-Sandbox-Fault` header;
 *  2. scripted, the `next` queue (each API request takes the first step that applies to it: any step without `match`,
 *     or one whose `match` names its method and path, e.g. `PUT /v1/links/abc123`) for deterministic tests;
 *  3. run-level fractions, drawn from the seeded PRNG, and `latencyMs`.
 *
 * Two families of kinds:
 *  - before the handler (`500`, `503`, `html`, `drop`, `429`, `stall`): the request never reaches the handler, so it
 *    never changes data. `stall` holds the connection open without answering (longer than any client waits).
 *  - after the handler (`commit-drop`, `commit-500`): the handler runs and its changes are kept, then the client
 *    gets no answer (`commit-drop`) or a JSON 500 (`commit-500`) instead of what the handler answered: the lost
 *    answer a client must recover from without doing the write twice (A2, A16).
 * Faults apply to /v1, /feeds and /track, after auth and rate limiting.
 */
import type { RequestHandler, Response } from 'express';
import { ApiError, badRequest, sendError } from './http/errors';
import { Prng } from './prng';
import { sendTooManyRequests, type RateLimitHeaderSetting } from './rate-limit-middleware';

export type FaultKind = '500' | '503' | 'html' | 'drop' | '429' | 'commit-drop' | 'commit-500' | 'stall';
export const FAULT_KINDS: readonly FaultKind[] = ['500', '503', 'html', 'drop', '429', 'commit-drop', 'commit-500', 'stall'];

export interface FaultStep {
	kind: FaultKind;
	/** Seconds for `Retry-After` on a 503, and on a 429 when `--rate-limit-headers` sends one (default 1). */
	retryAfter?: number;
	/** Only a request to this `METHOD /path` takes the step, e.g. `PUT /v1/links/abc123` (others pass it by). */
	match?: string;
}

export interface FaultConfig {
	/** Fraction of requests answered with a JSON 500 or 503 (half each). */
	rate: number;
	/** Latency added to every API request, in ms. */
	latencyMs: number;
	/** Fraction of requests whose connection is destroyed without an answer (nothing changed). */
	drop: number;
	/** Fraction of requests answered with a proxy-style HTML 502 page. */
	html: number;
	/** Fraction of requests that are carried out, then their connection destroyed before any answer. */
	commitDrop: number;
	/** Fraction of requests that are carried out, then answered with a JSON 500 instead. */
	commit500: number;
	/** Fraction of requests that get no answer at all (nothing changed) until `stallMs` has passed. */
	stall: number;
	/** How long a stalled request is held before its connection is closed, in ms. */
	stallMs: number;
	next: FaultStep[];
}

/** Longer than any Linkkit client waits (n8n's default request timeout is 30 s, Zapier's step 30 s). */
export const DEFAULT_STALL_MS = 120_000;

export const NO_FAULTS: FaultConfig = {
	rate: 0,
	latencyMs: 0,
	drop: 0,
	html: 0,
	commitDrop: 0,
	commit500: 0,
	stall: 0,
	stallMs: DEFAULT_STALL_MS,
	next: [],
};

/** The run-level fraction fields and the kind each one injects, in the order they are drawn. */
export const FRACTION_FIELDS = ['drop', 'html', 'rate', 'commitDrop', 'commit500', 'stall'] as const;
export type FractionField = (typeof FRACTION_FIELDS)[number];

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

	/** Reads `X-Sandbox-Fault: <kind>|latency=<ms>`; throws a 400 on anything else. */
	private fromHeader(header: string): Decision {
		const latency = /^latency=(\d{1,6})$/.exec(header);
		if (latency) return { latencyMs: Number(latency[1]) };
		if ((FAULT_KINDS as readonly string[]).includes(header)) return { latencyMs: 0, step: { kind: header as FaultKind } };
		throw badRequest(`Unknown X-Sandbox-Fault "${header}"; use ${FAULT_KINDS.join(', ')} or latency=<ms>`);
	}

	private drawRunLevel(): FaultStep | undefined {
		// Each fraction draws only when set, so adding a kind does not change the sequence of the others.
		for (const field of FRACTION_FIELDS) {
			const fraction = this.config[field];
			if (fraction > 0 && this.prng.chance(fraction)) {
				if (field === 'rate') return { kind: this.prng.chance(0.5) ? '500' : '503' };
				return { kind: KIND_OF_FIELD[field] };
			}
		}
		return undefined;
	}

	/** `route` is the request's `METHOD /path`, for scripted steps with a `match`. */
	decide(header: string | undefined, route = ''): Decision {
		const latencyMs = this.config.latencyMs;
		if (header) {
			const fromHeader = this.fromHeader(header.trim());
			return { ...fromHeader, latencyMs: latencyMs + fromHeader.latencyMs };
		}
		const index = this.config.next.findIndex((step) => step.match === undefined || step.match === route);
		if (index >= 0) return { latencyMs, step: this.config.next.splice(index, 1)[0] };
		return { latencyMs, step: this.drawRunLevel() };
	}
}

const KIND_OF_FIELD: Record<Exclude<FractionField, 'rate'>, FaultKind> = {
	drop: 'drop',
	html: 'html',
	commitDrop: 'commit-drop',
	commit500: 'commit-500',
	stall: 'stall',
};

/** Answers in place of the handler (the kinds that act before it). */
function answer(res: Response, step: FaultStep, headers: RateLimitHeaderSetting): void {
	switch (step.kind) {
		case 'drop':
			// No status, no body: the client sees a reset connection, like a load balancer dropping it.
			res.socket?.destroy();
			return;
		case 'html':
			res.status(502).type('text/html').send(PROXY_502_PAGE);
			return;
		case '429':
			// Like the limiter's own 429: the same body, and the headers --rate-limit-headers asks for.
			sendTooManyRequests(res, headers, step.retryAfter ?? 1);
			return;
		case '503':
			if (step.retryAfter) res.set('Retry-After', String(step.retryAfter));
			sendError(res, new ApiError(503, 'Service unavailable (injected by the sandbox)'));
			return;
		default:
			sendError(res, new ApiError(500, 'Internal server error (injected by the sandbox)'));
	}
}

/** Holds the request without an answer; the connection closes when the client gives up or `holdMs` passes. */
function stall(res: Response, holdMs: number): void {
	const timer = setTimeout(() => res.socket?.destroy(), holdMs);
	timer.unref();
	res.on('close', () => clearTimeout(timer));
}

/**
 * Lets the handler answer, then spoils that answer on its way out: its changes are kept, the client never sees it.
 * The swap waits a turn of the event loop so the handler (and anything it started) finishes as it normally would.
 */
function spoilAnswer(res: Response, kind: 'commit-drop' | 'commit-500'): void {
	const end = res.end.bind(res) as (chunk?: unknown) => Response;
	res.end = (() => {
		setImmediate(() => {
			if (kind === 'commit-drop') {
				res.socket?.destroy();
				return;
			}
			const body = JSON.stringify({ error: 'Internal server error after the change was saved (injected by the sandbox)' });
			res.statusCode = 500;
			res.setHeader('Content-Type', 'application/json; charset=utf-8');
			res.setHeader('Content-Length', Buffer.byteLength(body));
			end(body);
		});
		return res;
	}) as Response['end'];
}

export function faultMiddleware(faults: FaultController, headers: RateLimitHeaderSetting): RequestHandler {
	return (req, res, next) => {
		const decision = faults.decide(req.get('x-sandbox-fault'), `${req.method} ${req.originalUrl.split('?')[0]}`);
		const act = () => {
			const step = decision.step;
			if (!step) return next();
			if (step.kind === 'commit-drop' || step.kind === 'commit-500') {
				spoilAnswer(res, step.kind);
				return next();
			}
			if (step.kind === 'stall') return stall(res, faults.current.stallMs);
			answer(res, step, headers);
		};
		if (decision.latencyMs > 0) setTimeout(act, decision.latencyMs);
		else act();
	};
}
