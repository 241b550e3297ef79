/**
 * API keys: `Authorization: Bearer <key>` or `X-Api-Key: <key>` [OAS]; on `/feeds/*` also `?api_key=`. Each key acts
 * in its own workspace (A25). Keys are only compared, and hashed for rate-limit buckets; never logged or echoed.
 */
import type { Request, RequestHandler } from 'express';
import { sendError, unauthorized } from './errors';
import { shortHash } from '../ids';

/** What later middleware and handlers know about the caller; kept on `res.locals.caller`. */
export interface Caller {
	workspaceId: string;
	/** A hash of the key: safe to keep in memory (rate-limit buckets). */
	keyHash: string;
}

export class KeyRing {
	private readonly workspaceByKey = new Map<string, string>();

	add(key: string, workspaceId: string): void {
		this.workspaceByKey.set(key, workspaceId);
	}

	workspaceOf(key: string): string | undefined {
		return this.workspaceByKey.get(key);
	}
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The key the request carries, the first of: Bearer, X-Api-Key, and (feeds only) `api_key`. */
export function keyOf(req: Request, allowQuery: boolean): string | undefined {
	const authorization = req.get('authorization');
	if (authorization) return BEARER.exec(authorization)?.[1];
	const header = req.get('x-api-key')?.trim();
	if (header) return header;
	const query = allowQuery ? (req.query as Record<string, unknown>).api_key : undefined;
	return typeof query === 'string' && query !== '' ? query : undefined;
}

export function authMiddleware(keys: KeyRing): RequestHandler {
	return (req, res, next) => {
		const key = keyOf(req, req.baseUrl === '/feeds');
		const workspaceId = key ? keys.workspaceOf(key) : undefined;
		if (!key || !workspaceId) {
			sendError(res, unauthorized(key ? 'Invalid API key' : 'Missing API key'));
			return;
		}
		const caller: Caller = { workspaceId, keyHash: shortHash(key) };
		res.locals.caller = caller;
		next();
	};
}
