/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * The one place where failures become what Zapier shows the user. The core already wrote the message for a person
 * (which field, which permission, Linkkit's own words); this adds the Zapier words (field labels as the step shows
 * them, "reconnect", "Zapier will run this step again") and picks the Zapier error type that makes Zapier do the
 * right thing. Linkkit's HTTP status is kept as the error's status, and Linkkit's message stays in the text.
 */
import type { ZObject } from 'zapier-platform-core';
import { API_KEY_HELP, LinkkitError, type FieldIssue } from '../../core';

/** The shape of a Zapier input field that matters for messages: its key and label. */
export interface LabelledField {
	key: string;
	label?: string;
}

/** Names the core uses that are no input field of their own, worded for the step's message. */
const pseudoFieldLabels: Record<string, string> = {
	// An update with nothing filled in: "Nothing to change: give at least one field to change."
	fields: 'Nothing to change',
};

/** The core's field name (Linkkit's, e.g. `original_url`) as this step labels it ("Destination URL"). */
export function fieldLabel(name: string, fields: readonly LabelledField[]): string {
	return fields.find((f) => f.key === name)?.label ?? pseudoFieldLabels[name] ?? name;
}

/** API names in running text (`expire_at`, `original_url`) → this step's labels; plain words are left alone. */
function relabel(text: string, fields: readonly LabelledField[]): string {
	return text.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (name) => fields.find((f) => f.key === name)?.label ?? name);
}

/** One sentence per field; the core's own full stop is dropped, since the sentence goes on or ends with ours. */
function describeIssues(details: FieldIssue[], fields: readonly LabelledField[]): string {
	return details.map((d) => `${fieldLabel(d.field, fields)}: ${relabel(d.message.replace(/[.\s]+$/, ''), fields)}`).join('; ');
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
	const said = error.apiMessage ? ` (Linkkit said: ${error.apiMessage.replace(/[.\s]+$/, '')})` : '';
	const asked =
		delay === undefined
			? `Linkkit's rate limit for this API key was reached${said} and waiting within this step did not get through`
			: error.rateLimitWait?.source === 'window'
				? `Linkkit's rate limit for this API key is used up for the next ${delay} s`
				: `Linkkit's rate limit for this API key was reached${said} and the next try has to wait ${delay} s`;
	const again = delay === undefined ? 'Zapier will run this step again shortly' : `Zapier will run this step again in ${delay} s`;
	const fits = delay === undefined ? '' : ', longer than this Zap step has left (Zapier gives a step about 30 s)';
	return `${asked}${fits}. ${again}.`;
}

export interface ErrorContext {
	/** The connection test itself: a refused key is not yet a broken connection, so it gets a plain error. */
	authTest?: boolean;
}

/** Turns anything a perform threw into the Zapier error for it; errors that are already Zapier's pass through. */
export function toZapierError(z: ZObject, error: unknown, fields: readonly LabelledField[] = [], context: ErrorContext = {}): Error {
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
	if (error.status === 401 && error.operation?.startsWith('POST /track/')) {
		// Tracking is authenticated by the publishable key alone: it, not the API key, was refused.
		const said = error.apiMessage ? ` (Linkkit said: ${error.apiMessage.replace(/[.\s]+$/, '')})` : '';
		return expiredAuth(z, `Reconnect your Linkkit account in Zapier: Linkkit did not accept the Publishable Key${said}. Copy it from Settings → API Keys in Linkkit.`);
	}
	if (error.status === 401) {
		if (context.authTest) {
			return new z.errors.Error(`Linkkit did not accept this API key: it is missing or incorrect — ${API_KEY_HELP}, then connect with it.`, 'unauthorized', 401);
		}
		return expiredAuth(z, `Reconnect your Linkkit account in Zapier: the API key is missing or incorrect — ${API_KEY_HELP}, then reconnect with it.`);
	}
	// Everything else keeps the core's sentence, with Linkkit's own message quoted in it unchanged, and Linkkit's status.
	return new z.errors.Error(error.message, error.code, error.status);
}
