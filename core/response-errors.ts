/**
 * Turns a Linkkit answer that is not a success into a LinkkitError whose message a person wiring a
 * workflow can act on. Linkkit's own code, message, field details and request id are kept.
 */

import { LinkkitError, type ApiErrorCode, type FieldIssue } from './errors';
import { header } from './headers';
import type { HttpResponse } from './transport';

export const API_KEY_HELP = 'generate one in Linkkit under Settings → API Keys';

export interface RequestContext {
	/** e.g. `POST /v1/links` */
	operation: string;
	/** The API-key scope the operation needs, from the contract. */
	scope?: string;
	/** Lower-case phrase for messages, e.g. `create a link`. */
	action?: string;
}

interface ApiErrorBody {
	code?: ApiErrorCode;
	message?: string;
	details?: FieldIssue[];
	requestId?: string;
}

/** Parses a response body into JSON when it is JSON text; `undefined` marks "not JSON". */
export function parseJsonBody(body: unknown): { json: unknown } | undefined {
	if (body === undefined || body === null) return { json: undefined };
	if (typeof body === 'object' && !(body instanceof Uint8Array)) return { json: body };
	const text = body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body);
	if (text.trim() === '') return { json: undefined };
	try {
		return { json: JSON.parse(text) };
	} catch {
		return undefined;
	}
}

function apiErrorOf(json: unknown): ApiErrorBody | undefined {
	if (!json || typeof json !== 'object') return undefined;
	const error = (json as { error?: unknown }).error;
	return error && typeof error === 'object' ? (error as ApiErrorBody) : undefined;
}

function describeFields(details: FieldIssue[]): string {
	return details.map((d) => `${d.field}: ${d.message.replace(/[.\s]+$/, '')}`).join('; ');
}

function looksLikeHtml(body: unknown, response: HttpResponse): boolean {
	const type = header(response, 'content-type') ?? '';
	if (type.includes('html')) return true;
	return typeof body === 'string' && /^\s*</.test(body);
}

/** `retryAfterMs` is the parsed Retry-After, kept on the error so callers (Zapier) can reschedule. */
export function errorFromResponse(response: HttpResponse, context: RequestContext, retryAfterMs?: number): LinkkitError {
	const { status } = response;
	const parsed = parseJsonBody(response.body);
	const apiError = parsed ? apiErrorOf(parsed.json) : undefined;
	const requestId = apiError?.requestId ?? header(response, 'x-request-id');
	const details = Array.isArray(apiError?.details) ? apiError.details : [];
	const apiMessage = apiError?.message;
	// Linkkit's words go inside our sentences; drop their final full stop so messages don't end in "..".
	const said = apiMessage?.replace(/[.\s]+$/, '');
	const base = { status, requestId, details, apiMessage, retryAfterMs, operation: context.operation };
	const supportHint = requestId ? ` If it persists, contact Linkkit support with request id ${requestId}.` : '';

	if (!apiError) {
		const what = looksLikeHtml(response.body, response) ? 'an HTML page' : 'an answer that is not JSON';
		return new LinkkitError({
			...base,
			code: status >= 500 ? (status === 503 ? 'service_unavailable' : 'server_error') : 'invalid_response',
			message:
				`Linkkit answered with ${what} instead of JSON (HTTP ${status}). This usually means a proxy or ` +
				`gateway in front of Linkkit had a problem, or the Base URL does not point at the Linkkit API. Try again later.`,
		});
	}

	const code = apiError.code ?? 'server_error';
	switch (status) {
		case 400:
			return new LinkkitError({
				...base,
				code,
				message: `Linkkit refused the request: ${details.length ? describeFields(details) : said ?? 'bad request'}.`,
			});
		case 401:
			return new LinkkitError({ ...base, code, message: `API key missing or incorrect — ${API_KEY_HELP}.` });
		case 403: {
			const need = context.scope ? `the "${context.scope}" permission` : 'a permission';
			const action = context.action ? ` to ${context.action}` : '';
			return new LinkkitError({
				...base,
				code,
				message:
					`This API key lacks ${need}${action}. Create a key with that scope in Linkkit under ` +
					`Settings → API Keys, then update the credential.`,
			});
		}
		case 404:
			return new LinkkitError({
				...base,
				code,
				message: `${said ?? 'Not found'} — check the ID or address you gave, and that it belongs to the Linkkit account of this API key.`,
			});
		case 409:
			if (code === 'idempotency_key_reused') {
				// Only a repeat of an earlier attempt carries the same key: that attempt succeeded with other details.
				return new LinkkitError({
					...base,
					code,
					message:
						'An earlier attempt of this same create already succeeded, with different details than this one ' +
						'(for example a value computed from the current time), so Linkkit created nothing new. Look for the ' +
						'object the earlier attempt created; keep the details the same between attempts.',
				});
			}
			return new LinkkitError({ ...base, code, message: `Conflict: ${said ?? 'it clashes with existing data'}.` });
		case 422:
			return new LinkkitError({
				...base,
				code,
				message: `Linkkit rejected the input — ${details.length ? describeFields(details) : said ?? 'a field is invalid'}.`,
			});
		case 429:
			return new LinkkitError({
				...base,
				code,
				message: "Linkkit's rate limit for this API key was reached and retrying did not get through. Wait a moment and try again, or send requests more slowly.",
			});
		case 503:
			return new LinkkitError({
				...base,
				code,
				message: `Linkkit is temporarily unavailable (HTTP 503): ${said ?? 'try again later'}.${supportHint}`,
			});
		default:
			return new LinkkitError({
				...base,
				code,
				message:
					status >= 500
						? `Linkkit had a problem on its side (HTTP ${status}): ${said ?? 'internal error'}.${supportHint}`
						: `Linkkit answered HTTP ${status}: ${said ?? 'unexpected error'}.`,
			});
	}
}
