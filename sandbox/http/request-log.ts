/**
 * `--verbose`: one line per request once it is answered: method, URL (an `api_key` value masked), status, time.
 * Never a header or a body, so no key or webhook secret can reach the log.
 */
import type { RequestHandler } from 'express';
import { maskApiKey } from '../stats';

export type LogLine = (line: string) => void;

export function requestLog(log: LogLine | undefined): RequestHandler {
	return (req, res, next) => {
		if (!log) return next();
		const started = performance.now();
		res.on('close', () => {
			const status = res.writableFinished ? res.statusCode : 'no answer';
			log(`${req.method} ${maskApiKey(req.originalUrl)} → ${status} (${Math.round(performance.now() - started)} ms)`);
		});
		next();
	};
}
