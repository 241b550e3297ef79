/** Reads query values the validator has checked (it may or may not have coerced them from strings). */
import type { Request } from 'express';
import { badRequest } from './errors';

export function queryText(req: Request, name: string): string | undefined {
	const value = (req.query as Record<string, unknown>)[name];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

export function queryBoolean(req: Request, name: string): boolean | undefined {
	const value = (req.query as Record<string, unknown>)[name];
	if (value === undefined || value === '') return undefined;
	return value === true || value === 'true';
}

/** `from`/`to` as the sandbox's timestamps are written (ISO, UTC, milliseconds), so they compare as text (A17). */
export function queryInstant(req: Request, name: string): string | undefined {
	const text = queryText(req, name);
	if (text === undefined) return undefined;
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) throw badRequest(`${name} must be an ISO 8601 date-time`);
	return new Date(ms).toISOString();
}
