/**
 * What to say, and what is known, when a request got no HTTP answer at all. Three cases matter to a person:
 *  - `refused`: the request never reached Linkkit (DNS, connection refused): nothing happened;
 *  - `timeout`: Linkkit did not answer within the time allowed, and the request was abandoned;
 *  - `lost`: the connection broke after the request went out.
 * After a timeout or a lost connection, a write may or may not have been carried out: the message says so.
 */

import { LinkkitError } from './errors';
import type { HttpMethod } from './transport';

export type NoAnswer = 'refused' | 'timeout' | 'lost';

const REFUSED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// ECONNABORTED is axios' (n8n's) timeout; the UND_ERR_* codes are undici's (fetch); ETIMEDOUT the socket's.
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

interface ErrorLike {
	name?: unknown;
	code?: unknown;
	type?: unknown;
	message?: unknown;
	cause?: unknown;
}

/** The failure and the errors it wraps (platforms wrap their HTTP client's error, e.g. n8n's NodeApiError). */
function chain(cause: unknown): ErrorLike[] {
	const out: ErrorLike[] = [];
	let current = cause;
	while (current && typeof current === 'object' && out.length < 5) {
		out.push(current as ErrorLike);
		current = (current as ErrorLike).cause;
	}
	return out;
}

export function classifyNoAnswer(cause: unknown): NoAnswer {
	const errors = chain(cause);
	const codes = errors.map((e) => String(e.code ?? '').toUpperCase());
	const timedOut = errors.some(
		(e, i) =>
			e.name === 'TimeoutError' ||
			e.type === 'request-timeout' ||
			TIMEOUT_CODES.has(codes[i]) ||
			/\btimed? ?-?out\b/i.test(String(e.message ?? '')),
	);
	if (timedOut) return 'timeout';
	if (codes.some((code) => REFUSED_CODES.has(code))) return 'refused';
	return 'lost';
}

/** True when a request that got no answer may still have been carried out by Linkkit. */
export function mayHaveBeenApplied(kind: NoAnswer): boolean {
	return kind !== 'refused';
}

export interface UnansweredRequest {
	method: HttpMethod;
	url: string;
	timeoutMs?: number;
}

function duration(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function originOf(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return url;
	}
}

/** The sentence about what happened to a write nobody heard back about. */
function outcomeSentence(method: HttpMethod, kind: NoAnswer): string {
	if (method === 'GET') {
		return kind === 'timeout' ? ' Linkkit may be slow or unreachable: try again later.' : ' Check the Base URL and your network, then try again.';
	}
	if (kind === 'refused') return ' Nothing was sent, so nothing changed. Check the Base URL and your network, then try again.';
	const unknown = ' It is not known whether Linkkit carried out the request';
	return method === 'POST'
		? `${unknown}: check in Linkkit before sending it again, so nothing is created twice.`
		: `${unknown}; sending it again is safe, since it has the same effect twice.`;
}

export function noAnswerError(cause: unknown, request: UnansweredRequest, operation: string): LinkkitError {
	// A port may already have turned the failure into a LinkkitError (e.g. a refused input): keep it.
	if (cause instanceof LinkkitError) return cause;
	const kind = classifyNoAnswer(cause);
	const origin = originOf(request.url);
	const reason = cause instanceof Error ? cause.message : String(cause);
	const head =
		kind === 'timeout'
			? `Linkkit at ${origin} did not answer${request.timeoutMs ? ` within ${duration(request.timeoutMs)}` : ' in time'}, so the request was abandoned.`
			: `Could not reach Linkkit at ${origin}: ${reason.replace(/[.\s]+$/, '')}.`;
	return new LinkkitError({
		code: kind === 'timeout' ? 'timeout' : 'network_error',
		operation,
		// The cause itself is not kept: HTTP clients attach the request config, Authorization header included.
		message: head + outcomeSentence(request.method, kind),
	});
}
