/**
 * Turns a Linkkit answer that is not a success into a LinkkitError whose message a person wiring a workflow can act
 * on. Linkkit answers errors as `{"error": "<message>"}`; its message is kept (`apiMessage`) and quoted.
 */

import { LinkkitError, type LinkkitErrorCode } from './errors';
import { header } from './headers';
import type { HttpResponse } from './transport';

export const API_KEY_HELP = 'generate one in Linkkit under Settings → API Keys';

export interface RequestContext {
	/** e.g. `PUT /v1/links/{shortCode}` */
	operation: string;
	/** Lower-case phrase for messages, e.g. `create links`. */
	action?: string;
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

/** Linkkit's `error` string; tolerant of an `{error: {message}}` shape too, should Linkkit ever send one. */
function apiMessageOf(json: unknown): string | undefined {
	if (!json || typeof json !== 'object') return undefined;
	const error = (json as { error?: unknown }).error;
	if (typeof error === 'string') return error;
	if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
	const message = (json as { message?: unknown }).message;
	return typeof message === 'string' ? message : undefined;
}

function looksLikeHtml(body: unknown, response: HttpResponse): boolean {
	const type = header(response, 'content-type') ?? '';
	if (type.includes('html')) return true;
	return typeof body === 'string' && /^\s*</.test(body);
}

const CODES: Record<number, LinkkitErrorCode> = {
	400: 'bad_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
	422: 'unprocessable',
	429: 'rate_limited',
	503: 'service_unavailable',
};

export function codeForStatus(status: number): LinkkitErrorCode {
	return CODES[status] ?? (status >= 500 ? 'server_error' : 'http_error');
}

/** `retryAfterMs` is the parsed Retry-After, kept on the error so callers (Zapier) can reschedule. */
export function errorFromResponse(response: HttpResponse, context: RequestContext, retryAfterMs?: number): LinkkitError {
	const { status } = response;
	const parsed = parseJsonBody(response.body);
	const apiMessage = parsed ? apiMessageOf(parsed.json) : undefined;
	// Linkkit's words go inside our sentences; drop their final full stop so messages don't end in "..".
	const said = apiMessage?.replace(/[.\s]+$/, '');
	const base = { status, apiMessage, retryAfterMs, operation: context.operation, code: codeForStatus(status) };

	if (apiMessage === undefined && status !== 429 && (!parsed || looksLikeHtml(response.body, response))) {
		const what = looksLikeHtml(response.body, response) ? 'an HTML page' : 'an answer that is not JSON';
		return new LinkkitError({
			...base,
			code: status >= 500 ? base.code : 'invalid_response',
			message:
				`Linkkit answered with ${what} instead of JSON (HTTP ${status}). This usually means a proxy or ` +
				`gateway in front of Linkkit had a problem, or the Base URL does not point at the Linkkit API. Try again later.`,
		});
	}

	switch (status) {
		case 400:
			return new LinkkitError({ ...base, message: `Linkkit refused the request: ${said ?? 'a field is missing or invalid'}.` });
		case 401:
			// /track/* take the publishable key, not the API key (docs/openapi.yaml): name the key that was refused.
			if (context.operation.includes(' /track/')) {
				return new LinkkitError({ ...base, message: `Linkkit refused the publishable key (${said ?? 'unauthorized'}) — copy the workspace's publishable key (pk_…) from Linkkit into the credential.` });
			}
			return new LinkkitError({ ...base, message: `API key missing or incorrect — ${API_KEY_HELP}.` });
		case 403: {
			const action = context.action ? ` to ${context.action}` : '';
			const plan = /plan/i.test(apiMessage ?? '') ? " Your Linkkit plan's limit is reached: upgrade the plan, or delete what you no longer need." : '';
			return new LinkkitError({ ...base, message: `Linkkit does not allow this API key${action}: ${said ?? 'forbidden'}.${plan}` });
		}
		case 404:
			return new LinkkitError({
				...base,
				message: `${said ?? 'Not found'} — check the short code or ID you gave, and that it belongs to the Linkkit workspace of this API key.`,
			});
		case 409:
			return new LinkkitError({ ...base, message: `Conflict: ${said ?? 'it clashes with existing data'}.` });
		case 422:
			return new LinkkitError({
				...base,
				message: /safety/i.test(apiMessage ?? '')
					? `Linkkit refused this URL: it failed Linkkit's safety checks (${said}).`
					: `Linkkit rejected the input: ${said ?? 'a field is invalid'}.`,
			});
		case 429:
			return new LinkkitError({
				...base,
				message:
					"Linkkit's rate limit for this API key was reached and waiting did not get through within the time allowed. " +
					'Try again later, or send requests more slowly.',
			});
		default:
			return new LinkkitError({
				...base,
				message:
					status >= 500
						? `Linkkit had a problem on its side (HTTP ${status}): ${said ?? 'internal error'}. Try again later.`
						: `Linkkit answered HTTP ${status}: ${said ?? 'unexpected error'}.`,
			});
	}
}
