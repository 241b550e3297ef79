/**
 * Matches a /v1 request to its contract operation and checks the caller holds the operation's `x-linkkit-scope`.
 * The table is built from docs/openapi.yaml and Express does the path matching, so nothing here is hard-coded.
 */
import { Router, type RequestHandler } from 'express';
import type { Caller } from './auth';
import { ApiError, notFound, sendError } from './errors';
import type { OperationInfo } from './openapi';

/** `/v1/links/{id}` → `/v1/links/:id` (Express 5 / path-to-regexp 8 syntax). */
const toExpressPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

const paramCount = (path: string) => (path.match(/\{/g) ?? []).length;

export function scopeRouter(operations: readonly OperationInfo[]): Router {
	const router = Router();
	// Literal paths first, so `/v1/links/lookup` is never taken for `/v1/links/{id}`.
	const ordered = operations
		.filter((operation) => operation.path.startsWith('/v1/'))
		.sort((a, b) => paramCount(a.path) - paramCount(b.path));
	for (const operation of ordered) {
		const check: RequestHandler = (_req, res, next) => {
			// A literal path matched earlier (`/v1/links/lookup`); do not let `/v1/links/{id}` take it over.
			if (res.locals.operation) {
				next();
				return;
			}
			res.locals.operation = operation;
			const caller = res.locals.caller as Caller;
			if (operation.scope && !caller.scopes.has(operation.scope)) {
				sendError(res, new ApiError(403, 'forbidden', `This API key lacks the "${operation.scope}" scope.`));
				return;
			}
			next();
		};
		router[operation.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](toExpressPath(operation.path), check);
	}
	// Anything under /v1 the contract does not name.
	router.use('/v1', (req, res, next) => {
		if (res.locals.operation) {
			next();
			return;
		}
		sendError(res, notFound(`No route ${req.method} ${req.originalUrl.split('?')[0]}.`));
	});
	return router;
}
