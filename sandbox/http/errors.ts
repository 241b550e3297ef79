/**
 * Linkkit's one error body, `{"error": "<message>"}` [OAS], the ApiError handlers throw, and the Express error
 * handler that turns every failure (ours, the OpenAPI validator's, the JSON parser's) into that body.
 */
import type { ErrorRequestHandler, Request, Response } from 'express';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export const badRequest = (message: string) => new ApiError(400, message);
export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string) => new ApiError(409, message);
export const unprocessable = (message: string) => new ApiError(422, message);
export const unauthorized = (message = 'Unauthorized') => new ApiError(401, message);
export const forbidden = (message = 'Forbidden') => new ApiError(403, message);

export function sendError(res: Response, error: ApiError): void {
	res.status(error.status).json({ error: error.message });
}

interface ValidatorError {
	status?: number;
	errors?: Array<{ path?: string; message?: string; errorCode?: string }>;
	type?: string;
	message?: string;
}

/** `/body/links/0/original_url` → `links[0].original_url`; `/query/limit` → `limit`: the field as clients name it. */
export function fieldOf(path: string): string {
	const [, ...rest] = path.split('/').filter(Boolean);
	return rest.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part), '');
}

/** One readable sentence per validator error: `original_url is required`, `limit must be <= 100`. */
function describe(error: { path?: string; message?: string; errorCode?: string }): string {
	const field = fieldOf(error.path ?? '');
	const message = error.message ?? 'is invalid';
	if (error.errorCode === 'required.openapi.validation') return `${field || 'body'} is required`;
	return field ? `${field} ${message}` : message;
}

/** A request the contract refuses answers the status its operation documents for it: 400, else 422 (PATCH link). */
function requestErrorStatus(req: Request): number {
	const responses = (req as Request & { openapi?: { schema?: { responses?: Record<string, unknown> } } }).openapi?.schema?.responses;
	if (responses && !responses['400'] && responses['422']) return 422;
	return 400;
}

/** Maps anything thrown on the way to a response onto the error body. */
export function toApiError(err: unknown, req: Request): ApiError {
	if (err instanceof ApiError) return err;
	const e = (err ?? {}) as ValidatorError;
	// body-parser: malformed JSON (or an oversized body) is a malformed request.
	if (e.type === 'entity.parse.failed') return badRequest('The body is not valid JSON');
	if (e.type === 'entity.too.large') return badRequest('The body is too large');
	const status = e.status ?? 500;
	if (status === 415) return badRequest('Send the body as application/json');
	if (status === 400 && Array.isArray(e.errors) && e.errors.length > 0) {
		return new ApiError(requestErrorStatus(req), e.errors.map(describe).join('; '));
	}
	if (status === 404 || status === 405) return notFound('Not found');
	// A response that breaks the contract is a sandbox bug: say so loudly rather than serve it.
	if (status >= 500) return new ApiError(500, `Sandbox error: ${e.message ?? 'unknown'}`);
	return new ApiError(status, e.message ?? 'Request failed');
}

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
	if (res.headersSent) {
		next(err);
		return;
	}
	sendError(res, toApiError(err, req));
};
