/**
 * Exactly-once link creation without an idempotency key.
 *
 * Linkkit has no Idempotency-Key, and a plain `POST /v1/links` whose answer is lost cannot be repeated safely: the
 * repeat makes a second link, and looking for the first one afterwards is unreliable (lists may lag, several runs may
 * shorten the same URL at once, a slow request may land after the look). `PUT /v1/links/{shortCode}` is Linkkit's
 * own answer ("useful for idempotent integrations"): it creates the link under that code (201) or, sent again,
 * updates the same link (200). So a create the connector makes picks its short code itself, derived from what
 * identifies this one create across repeats:
 *  - n8n: a random ID the node keeps in the execution's own data (so n8n's Retry of that execution, which continues
 *    from it, gets the same), the workflow, the node's ID, the run and the item; or the user's Duplicate Protection ID;
 *  - Zapier: an ID stored per step and input until the step has succeeded (see zapier/src/create-once.ts).
 * Every repeat of that create sends the same code, so it can only ever update its own link.
 *
 * Collisions: 10 characters of [A-Za-z0-9] carry 59.5 bits. Linkkit's own codes are 6 characters and cannot
 * collide with a 10-character code at all; two different creates derive the same code with probability 2^-59.5
 * per pair (about 1 in 10^11 even among a million links of that length), and the derivation mixes in the node's or
 * step's own IDs, so other workspaces' runs never share an identity. A code that is taken anyway (Linkkit answers
 * 409 when another workspace holds it, docs/assumptions.md A6) moves to the next derivation (`attempt` + 1), the
 * same sequence on every repeat.
 */

import { createHash } from 'crypto';

export const DERIVED_CODE_LENGTH = 10;
/** Codes tried for one create before giving up (each further one is as unlikely to be taken as the first). */
export const DERIVED_CODE_ATTEMPTS = 4;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Bytes at or above this are skipped so every character is equally likely (248 = 4 × 62). */
const UNBIASED_BELOW = 248;

/** The short code for one create: the same identity and attempt always give the same code. */
export function derivedShortCode(identity: string, attempt = 0): string {
	let out = '';
	for (let round = 0; out.length < DERIVED_CODE_LENGTH; round++) {
		const digest = createHash('sha256').update(`linkkit-code:v1:${attempt}:${round}:${identity}`).digest();
		for (const byte of digest) {
			if (byte >= UNBIASED_BELOW) continue;
			out += ALPHABET[byte % ALPHABET.length];
			if (out.length === DERIVED_CODE_LENGTH) break;
		}
	}
	return out;
}

/**
 * JSON with object keys sorted and undefined members left out, so the same value always gives the same text whatever
 * order its keys were built in (used to fold a request's content into an identity).
 */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** One opaque identity from parts; the parts themselves are not revealed (only the code derived from it is sent). */
export function identityOf(...parts: Array<string | number | undefined>): string {
	return createHash('sha256')
		.update(parts.map((p) => String(p ?? '')).join('\u001f'))
		.digest('hex');
}
