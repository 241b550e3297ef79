/**
 * `Idempotency-Key` on POST: the same key (per API key) with the same method, path and body within 24 h replays
 * the first successful (2xx) answer and creates nothing; a different request under the same key is a 409.
 * Failed answers (4xx, 5xx) are not remembered: nothing was created, so a retry under the same key runs again
 * (a slug freed in between then succeeds) instead of repeating a stale refusal for a day.
 */
import type { RequestHandler } from 'express';
import type { Caller } from './auth';
import { idempotencyKeyReused } from './errors';
import { shortHash } from './ids';
import type { Store } from './store';

export const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same body. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** Only successes are replayed: a refused or failed request changed nothing, so running it again is safe. */
function isSuccess(status: number): boolean {
	return status >= 200 && status < 300;
}

export function idempotencyMiddleware(store: Store, nowMs: () => number): RequestHandler {
	return (req, res, next) => {
		const idempotencyKey = req.get('idempotency-key');
		if (req.method !== 'POST' || !idempotencyKey) {
			next();
			return;
		}
		const caller = res.locals.caller as Caller;
		const scopeKey = `${caller.keyHash}|${shortHash(idempotencyKey)}`;
		const fingerprint = `${req.method} ${req.path} ${shortHash(canonicalJson(req.body))}`;
		store.forgetResponsesBefore(nowMs() - REPLAY_WINDOW_MS);
		const previous = store.idempotency.get(scopeKey);
		if (previous) {
			if (previous.fingerprint !== fingerprint) {
				throw idempotencyKeyReused('This Idempotency-Key was already used with a different request.');
			}
			res.set('Idempotent-Replayed', 'true');
			res.status(previous.status).json(previous.body);
			return;
		}
		// Remember a success at the moment the handler answers, synchronously (a fast client retry must already see
		// it, and it stays remembered even if the answer is then lost on the way to the client), unless the answer
		// turned into a 5xx on the way out (the response validator reports contract breaks as 500).
		const json = res.json.bind(res);
		res.json = (body: unknown) => {
			const status = res.statusCode;
			const result = json(body);
			if (isSuccess(status) && res.statusCode === status) {
				store.rememberResponse({ scopeKey, fingerprint, status, body, createdAtMs: nowMs() });
			}
			return result;
		};
		next();
	};
}
