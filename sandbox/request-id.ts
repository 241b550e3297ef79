/** Gives every response an `X-Request-Id: req_<random>` and, when asked, logs one line per request. */
import type { RequestHandler } from 'express';
import { newId } from './ids';

export type LogLine = (line: string) => void;

export function requestIdMiddleware(log?: LogLine): RequestHandler {
	return (req, res, next) => {
		const requestId = newId('req');
		res.locals.requestId = requestId;
		res.set('X-Request-Id', requestId);
		if (log) {
			const started = performance.now();
			// Path only: the query never carries the key, but headers do, and they are never logged.
			const path = req.path;
			res.on('finish', () => {
				log(`${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms ${requestId}`);
			});
			res.on('close', () => {
				if (!res.writableFinished) log(`${req.method} ${path} dropped ${Math.round(performance.now() - started)}ms ${requestId}`);
			});
		}
		next();
	};
}
