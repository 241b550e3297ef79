/**
 * Zapier's input → the core's input. Only reshaping happens here; all validation is the core's, so both platforms
 * accept the same input.
 *
 * Empty means "not given", whatever form it takes: the app sets `cleanInputData: false` (index.ts), so a field left
 * empty or mapped and empty for this run arrives as '', spaces, null or [], and every one of them is dropped here —
 * what Zapier's own cleaning would drop. An optional field empty for one run never fails the step, never clears.
 */
import { inputError, isBlank } from '../../core';
import { CLEAR_FIELDS_KEY, type Clearable } from './fields/clear';

export type InputData = Record<string, unknown>;

function blank(value: unknown): boolean {
	return isBlank(value) || (Array.isArray(value) && value.every(blank));
}

/** Only what was given, of the keys asked for. */
export function given(data: InputData, keys: readonly string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of keys) if (!blank(data[key])) out[key] = data[key];
	return out;
}

/** A filter value as text, or undefined when not filled in. */
export function optionalText(value: unknown): string | undefined {
	return blank(value) ? undefined : String(value).trim();
}

/**
 * Adds Clear Fields to an update's input: each chosen field is sent as null. A field both filled in and chosen is
 * refused: which of the two was meant is not ours to guess.
 */
export function withClears(input: Record<string, unknown>, data: InputData, clearables: Clearable[]): Record<string, unknown> {
	const raw = data[CLEAR_FIELDS_KEY];
	if (blank(raw)) return input;
	const out = { ...input };
	for (const key of (Array.isArray(raw) ? raw : String(raw).split(',')).map((k) => String(k).trim()).filter(Boolean)) {
		if (!clearables.some((c) => c.key === key)) throw inputError(CLEAR_FIELDS_KEY, `"${key}" cannot be cleared; choose from the list`);
		if (!blank(data[key])) throw inputError(key, 'is filled in and also chosen in Clear Fields — fill it in or clear it, not both');
		out[key] = null;
	}
	return out;
}
