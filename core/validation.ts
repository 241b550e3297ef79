/**
 * Input checks shared by the n8n node and the Zapier app, run before anything is sent so a person sees which field is
 * wrong and why. Where Linkkit's document states a rule (the short-code pattern, `limit` ≤ 100, bulk ≤ 1 000) it is
 * the same rule here (a contract test keeps them in step); Linkkit still validates everything on its side.
 */

import { inputError } from './errors';

export const limits = {
	/** PATCH's `short_code` rule in docs/openapi.yaml; Linkkit applies it to every code it is given. */
	shortCodePattern: /^[a-zA-Z0-9_-]+$/,
	shortCodeMinLength: 3,
	/** `limit` maximum of paged lists. */
	pageSizeMax: 100,
	/** `POST /v1/links/bulk` maxItems. */
	bulkMaxLinks: 1000,
	/** Not documented: browsers and Linkkit's database alike cope with this (a sane cap for a clear early error). */
	urlMaxLength: 2048,
	textMaxLength: 1000,
} as const;

/** Blank means "not given": both platforms hand over '' for fields a person left empty. */
export function isBlank(value: unknown): value is undefined | null | '' {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function text(field: string, value: unknown): string {
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value !== 'string') throw inputError(field, 'must be text');
	return value.trim();
}

export function validateUrl(field: string, value: unknown): string {
	if (isBlank(value)) throw inputError(field, 'is required — enter a full web address such as https://example.com/page');
	const url = text(field, value);
	// What it is comes first ("not a url" is not a web address at all); spaces only matter in one that is.
	const looksLikeAddress = /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
	if (looksLikeAddress && /\s/.test(url)) throw inputError(field, 'must not contain spaces — encode them as %20');
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw inputError(field, `"${url}" is not a full web address — it must start with http:// or https://`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw inputError(field, `only http:// and https:// addresses can be used, not ${parsed.protocol}`);
	}
	if (!parsed.hostname) throw inputError(field, `"${url}" has no host name`);
	if (/\s/.test(url)) throw inputError(field, 'must not contain spaces — encode them as %20');
	if (url.length > limits.urlMaxLength) throw inputError(field, `is ${url.length} characters long; at most ${limits.urlMaxLength} are accepted`);
	return url;
}

export function validateShortCode(field: string, value: unknown): string {
	if (typeof value === 'string' && value.length > 0 && value.trim() === '') {
		throw inputError(field, 'cannot be only spaces');
	}
	const code = text(field, value);
	if (code === '') throw inputError(field, 'is required');
	if (code.length < limits.shortCodeMinLength || !limits.shortCodePattern.test(code)) {
		throw inputError(field, `"${code}" is not a short code: use at least ${limits.shortCodeMinLength} letters, digits, "-" or "_" (such as summer-sale)`);
	}
	return code;
}

/** A custom domain as Linkkit shows it, e.g. go.acme.com (no scheme, no path). */
export function validateDomainName(field: string, value: unknown): string {
	const domain = text(field, value).toLowerCase();
	const pattern = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
	if (!pattern.test(domain) || domain.length > 253) {
		throw inputError(field, `"${domain}" is not a domain name such as go.acme.com (no https://, no path)`);
	}
	return domain;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Linkkit's IDs are UUIDs; `what` names the object in the message (e.g. "segment"). */
export function validateUuid(field: string, value: unknown, what: string): string {
	const id = text(field, value);
	if (!UUID.test(id)) throw inputError(field, `"${id}" is not a ${what} ID — ${what} IDs look like 3f6c1a9e-8b2d-4c71-9e0a-5d4b7f2c1e88`);
	return id.toLowerCase();
}

export function validateText(field: string, value: unknown, maxLength: number = limits.textMaxLength): string {
	const out = text(field, value);
	if (out.length > maxLength) throw inputError(field, `is ${out.length} characters long; at most ${maxLength} are allowed`);
	return out;
}

export function validateRequiredText(field: string, value: unknown, maxLength: number = limits.textMaxLength): string {
	if (isBlank(value)) throw inputError(field, 'is required');
	return validateText(field, value, maxLength);
}

/** A colour as Linkkit's examples write it: `#RRGGBB` (a missing `#` is added; 3-digit forms are spelled out). */
export function validateColor(field: string, value: unknown): string {
	const raw = text(field, value);
	const hex = raw.startsWith('#') ? raw.slice(1) : raw;
	if (/^[0-9a-f]{3}$/i.test(hex)) return `#${[...hex].map((c) => c + c).join('')}`.toUpperCase();
	if (!/^[0-9a-f]{6}$/i.test(hex)) throw inputError(field, `"${raw}" is not a colour such as #3B82F6`);
	return `#${hex}`.toUpperCase();
}

export function validateEmail(field: string, value: unknown): string {
	const email = text(field, value);
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw inputError(field, `"${email}" is not an email address`);
	return email;
}

/** Whole cents, as Linkkit records sale amounts (a person typing 49.99 means 4999 cents only if the field says so). */
export function validateCents(field: string, value: unknown): number {
	const raw = typeof value === 'number' ? value : Number(text(field, value));
	if (!Number.isInteger(raw) || raw < 0) throw inputError(field, `"${String(value)}" is not a whole number of cents (4999 for 49.99)`);
	return raw;
}

/** ISO 4217, lower case as Linkkit's default `usd`. */
export function validateCurrency(field: string, value: unknown): string {
	const raw = text(field, value);
	if (!/^[a-z]{3}$/i.test(raw)) throw inputError(field, `"${raw}" is not a three-letter currency code such as usd or eur`);
	return raw.toLowerCase();
}

export function validateBoolean(field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	const raw = text(field, value).toLowerCase();
	if (['true', 'yes', '1'].includes(raw)) return true;
	if (['false', 'no', '0'].includes(raw)) return false;
	throw inputError(field, `"${raw}" is not true or false`);
}

/** An object of extra data (metadata): an object, or JSON text of one. */
export function validateJsonObject(field: string, value: unknown): Record<string, unknown> {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			throw inputError(field, 'is not valid JSON — give an object such as {"plan": "pro"}');
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw inputError(field, 'must be an object such as {"plan": "pro"}');
	return parsed as Record<string, unknown>;
}

/**
 * Accepts ISO 8601 with or without a time zone (a missing zone means UTC, as in n8n's date picker),
 * plus Date objects, and returns the canonical `YYYY-MM-DDTHH:mm:ss.sssZ`.
 */
export function validateIsoDate(field: string, value: unknown): string {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw inputError(field, 'is not a valid date');
		return value.toISOString();
	}
	const raw = text(field, value);
	const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
	if (!iso.test(raw)) throw inputError(field, `"${raw}" is not an ISO 8601 date such as 2026-11-27 or 2026-11-27T14:30:00Z`);
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(raw) && raw.includes('T');
	const normalised = raw.includes('T') ? (hasZone ? raw : `${raw}Z`) : `${raw}T00:00:00Z`;
	const time = Date.parse(normalised);
	if (Number.isNaN(time)) throw inputError(field, `"${raw}" is not a real date`);
	return new Date(time).toISOString();
}

/** Like validateIsoDate, and the moment must still be ahead (an expiry in the past would end a link at once). */
export function validateFutureDate(field: string, value: unknown, now: number = Date.now()): string {
	const iso = validateIsoDate(field, value);
	if (Date.parse(iso) <= now) {
		throw inputError(field, `${iso.replace('.000Z', 'Z')} is in the past — choose a later date and time, or leave it empty`);
	}
	return iso;
}

/** ISO 3166-1 alpha-2, as Linkkit records countries: "de" becomes DE, "Germany" is refused. */
export function validateCountryCode(field: string, value: unknown): string {
	const raw = text(field, value);
	const code = raw.toUpperCase();
	if (!/^[A-Z]{2}$/.test(code)) throw inputError(field, `"${raw}" is not a two-letter country code such as DE or US`);
	return code;
}
