/**
 * The contract's error envelope `{ error: { code, message, details?, requestId } }`, the ApiError handlers throw,
 * and the one Express error handler that turns every failure (ours, the OpenAPI validator's, the JSON parser's)
 * into that envelope.
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { ErrorCode, ErrorDetail } from './types';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		message: string,
		readonly details?: ErrorDetail[],
	) {
		super(message);
	}
}

export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const idempotencyKeyReused = (message: string) => new ApiError(409, 'idempotency_key_reused', message);
export const badRequest = (field: string, message: string) =>
	new ApiError(400, 'validation_failed', message, [{ field, message }]);
export const unprocessable = (field: string, message: string) =>
	new ApiError(422, 'validation_failed', message, [{ field, message }]);

export function sendError(res: Response, error: ApiError): void {
	const requestId = res.locals.requestId as string | undefined;
	res.status(error.status).json({
		error: {
			code: error.code,
			message: error.message,
			...(error.details ? { details: error.details } : {}),
			...(requestId ? { requestId } : {}),
		},
	});
}

/** `/body/rules/0/value` → `rules[0].value`; `/query/limit` → `limit`: the plain field name clients show. */
export function fieldFromValidatorPath(path: string): string {
	const parts = path.split('/').filter(Boolean);
	const [location, ...rest] = parts;
	if (!['body', 'query', 'path', 'params', 'headers'].includes(location)) return parts.join('.') || 'body';
	if (rest.length === 0) return location;
	return rest.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part), '');
}

interface ValidatorError {
	status?: number;
	errors?: Array<{ path?: string; message?: string }>;
	type?: string;
	message?: string;
}

/** Maps anything thrown on the way to a response onto the contract's error envelope. */
export function toApiError(err: unknown): ApiError {
	if (err instanceof ApiError) return err;
	const e = (err ?? {}) as ValidatorError;
	// body-parser: malformed JSON (or an oversized body) is a malformed request, not a field error.
	if (e.type === 'entity.parse.failed') return badRequest('body', 'The body is not valid JSON.');
	if (e.type === 'entity.too.large') return badRequest('body', 'The body is too large.');
	const status = e.status ?? 500;
	if (status === 415) return badRequest('body', 'Send the body as application/json.');
	if ((status === 400 || status === 422) && Array.isArray(e.errors)) {
		const details = e.errors.map((item) => ({
			field: fieldFromValidatorPath(item.path ?? ''),
			message: item.message ?? 'is invalid',
		}));
		// The contract: a well-formed body with a bad field is 422; a bad query/path/header is 400.
		const isBody = e.errors.every((item) => (item.path ?? '').startsWith('/body'));
		const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
		return new ApiError(isBody ? 422 : 400, 'validation_failed', `Invalid request: ${summary}`, details);
	}
	if (status === 404) return notFound('No such route.');
	if (status === 405) return notFound('No such route.');
	// A response that breaks the contract is a sandbox bug: say so loudly rather than serve it.
	const message = status >= 500 ? `Sandbox error: ${e.message ?? 'unknown'}` : (e.message ?? 'Request failed');
	return new ApiError(status >= 500 ? 500 : status, status >= 500 ? 'server_error' : 'validation_failed', message);
}

export const errorHandler: ErrorRequestHandler = (err, _req, res, next) => {
	if (res.headersSent) {
		next(err);
		return;
	}
	sendError(res, toApiError(err));
};
