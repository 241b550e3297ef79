/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * The one place where failures become what Zapier shows the user. The core already wrote the message for a
 * person (which field, which scope, Linkkit's request id); this adds the Zapier words (field labels as the user
 * sees them, "reconnect") and picks the Zapier error type that makes Zapier do the right thing.
 */
import type { ZObject } from 'zapier-platform-core';
import { API_KEY_HELP, LinkkitError, type FieldIssue } from '../../core';

/** The shape of a Zapier input field that matters for messages: its key, label and line-item children. */
export interface LabelledField {
	key: string;
	label?: string;
	children?: LabelledField[];
}

/**
 * Core and API field paths (`utm.source`, `segmentRoutes[1].destination`) as the user sees them
 * ("UTM Source", "Segment Routes, row 2: Destination"), found in the operation's own input fields.
 */
export function fieldLabel(path: string, fields: LabelledField[]): string {
	const row = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
	if (row) {
		const parent = fields.find((f) => f.key === row[1]);
		// Child keys may carry a prefix (`routeDestination` for `destination`): Zapier wants them unique per action.
		const child = parent?.children?.find((c) => c.key === row[3] || c.key.toLowerCase().endsWith(row[3].toLowerCase()));
		if (parent && child) return `${parent.label ?? parent.key}, row ${Number(row[2]) + 1}: ${child.label ?? child.key}`;
	}
	const key = path.replace(/\./g, '__');
	const field = fields.find((f) => f.key === key) ?? fields.flatMap((f) => f.children ?? []).find((f) => f.key === key);
	return field?.label ?? pseudoFieldLabels[path] ?? path;
}

/** Names the core uses for no single field, worded for the step's message. */
const pseudoFieldLabels: Record<string, string> = {
	// An Update with nothing filled in: "Nothing to update: give at least one field to change."
	fields: 'Nothing to update',
};

/** API names in running text (`startsAt`, `utm.source`) → this step's labels; plain words are left alone. */
function relabel(text: string, fields: LabelledField[]): string {
	const labels = new Map<string, string>();
	for (const field of [...fields, ...fields.flatMap((f) => f.children ?? [])]) {
		if (field.label) labels.set(field.key.replace(/__/g, '.'), field.label);
	}
	return text.replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b|\butm\.[a-z]+\b/g, (name) => labels.get(name) ?? name);
}

/** One sentence per field; Linkkit's own full stop is dropped, since the sentence goes on or ends with ours. */
function describeIssues(details: FieldIssue[], fields: LabelledField[]): string {
	return details.map((d) => `${fieldLabel(d.field, fields)}: ${relabel(d.message.replace(/[.\s]+$/, ''), fields)}`).join('; ');
}

function withSupport(error: LinkkitError, message: string): string {
	return error.requestId && !message.includes(error.requestId) ? `${message} (Linkkit request id ${error.requestId})` : message;
}

/**
 * ExpiredAuthError makes Zapier mark the connection as broken and email the user to reconnect it. Unlike
 * `z.errors.Error`, core 19 would append its request log ("What happened: …") to the message; `doNotContextify` (the
 * flag Zapier's own error types set) keeps the message the user reads to our sentence.
 */
function expiredAuth(z: ZObject, message: string): Error {
	const error = new z.errors.ExpiredAuthError(message) as Error & { doNotContextify?: boolean };
	error.doNotContextify = true;
	return error;
}

/** A rate limit this step could not sit out, in Zapier's words: what Linkkit asked, and that Zapier will try again. */
function rateLimitMessage(error: LinkkitError, delay?: number): string {
	const asked =
		delay === undefined
			? "Linkkit's rate limit for this API key was reached and waiting within this step did not get through"
			: error.rateLimitWait?.source === 'window'
				? `Linkkit's rate limit for this API key is used up until its window resets in ${delay} s`
				: `Linkkit's rate limit for this API key was reached and it asked to wait ${delay} s`;
	const again = delay === undefined ? 'Zapier will run this step again shortly' : `Zapier will run this step again in ${delay} s`;
	const fits = delay === undefined ? '' : ', longer than this Zap step has left (Zapier gives a step about 30 s)';
	return withSupport(error, `${asked}${fits}. ${again}.`);
}

export interface ErrorContext {
	/** The connection test itself: a refused key is not yet a broken connection, so it gets a plain error. */
	authTest?: boolean;
}

/** Turns anything a perform threw into the Zapier error for it; errors that are already Zapier's pass through. */
export function toZapierError(z: ZObject, error: unknown, fields: LabelledField[] = [], context: ErrorContext = {}): Error {
	if (!(error instanceof LinkkitError)) return error as Error;

	if (error.code === 'rate_limited' && error.retryAfterMs !== undefined) {
		// Zapier runs the step again after Linkkit's delay instead of failing the Zap run.
		const delay = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
		return new z.errors.ThrottledError(rateLimitMessage(error, delay), delay);
	}
	if (error.status === 429) return new z.errors.ThrottledError(rateLimitMessage(error));

	if (error.isInputError) {
		return new z.errors.Error(`${describeIssues(error.details, fields)}. Nothing was sent to Linkkit.`, 'invalid_input', 400);
	}
	switch (error.status) {
		case 401:
			if (context.authTest) {
				return new z.errors.Error(
					`Linkkit did not accept this API key: it is missing or incorrect — ${API_KEY_HELP}, then connect with it.`,
					'unauthorized',
					401,
				);
			}
			return expiredAuth(
				z,
				`Reconnect your Linkkit account in Zapier: the API key is missing or incorrect — ${API_KEY_HELP}, then reconnect with it.`,
			);
		case 400:
		case 409:
		case 422: {
			// Name the fields as this step labels them, keeping Linkkit's reason for each.
			const prefix = error.status === 409 ? 'Linkkit refused a duplicate' : 'Linkkit rejected the input';
			const message = error.details.length ? `${prefix} — ${describeIssues(error.details, fields)}.` : error.message;
			return new z.errors.Error(withSupport(error, message), error.code, error.status);
		}
		case 404: {
			const field = error.details[0]?.field;
			const message = field ? `${fieldLabel(field, fields)}: ${error.message}` : error.message;
			return new z.errors.Error(withSupport(error, message), error.code, 404);
		}
		default:
			return new z.errors.Error(withSupport(error, error.message), error.code, error.status);
	}
}
