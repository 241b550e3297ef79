/** /v1/api-key: tells the calling key its own scopes (never the key), in the contract's order. */
import { Router } from 'express';
import type { Caller } from '../auth';
import type { Scope } from '../types';

export function apiKeyRouter(allScopes: readonly string[]): Router {
	const router = Router();
	router.get('/v1/api-key', (_req, res) => {
		const caller = res.locals.caller as Caller;
		res.json({ scopes: allScopes.filter((scope) => caller.scopes.has(scope)) as Scope[] });
	});
	return router;
}
