/**
 * API keys and their scopes. The full key gets every scope the contract names; the read-only key every `:read`
 * scope. Keys are only ever compared, hashed for bucket/idempotency namespaces, never logged or echoed.
 */
import type { RequestHandler } from 'express';
import { ApiError, sendError } from './errors';
import { shortHash } from './ids';

export class KeyRing {
	private readonly scopesByKey = new Map<string, ReadonlySet<string>>();

	/** `allScopes` comes from the contract's `x-linkkit-scope` values. */
	constructor(apiKey: string, readOnlyKey: string, readonly allScopes: readonly string[]) {
		this.scopesByKey.set(apiKey, new Set(allScopes));
		this.scopesByKey.set(readOnlyKey, new Set(allScopes.filter((scope) => scope.endsWith(':read'))));
	}

	scopesOf(key: string): ReadonlySet<string> | undefined {
		return this.scopesByKey.get(key);
	}
}

/** What later middleware know about the caller; kept on `res.locals.caller`. */
export interface Caller {
	/** A hash of the key: safe to keep in memory, files and maps. */
	keyHash: string;
	scopes: ReadonlySet<string>;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function authMiddleware(keys: KeyRing): RequestHandler {
	return (req, res, next) => {
		const key = BEARER.exec(req.get('authorization') ?? '')?.[1];
		const scopes = key ? keys.scopesOf(key) : undefined;
		if (!key || !scopes) {
			sendError(res, new ApiError(401, 'unauthorized', 'API key missing or incorrect'));
			return;
		}
		const caller: Caller = { keyHash: shortHash(key), scopes };
		res.locals.caller = caller;
		next();
	};
}
