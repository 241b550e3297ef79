/**
 * Input checks shared by the n8n node and the Zapier app, run before anything is sent so a person
 * sees which field is wrong and why. The limits mirror docs/openapi.yaml (a contract test keeps
 * them in step); Linkkit still validates everything on its side.
 */

import { inputError } from './errors';
import type { components } from './generated/openapi';

type Schemas = components['schemas'];
export type SegmentRule = Schemas['SegmentRule'];
export type UtmInput = Schemas['UtmInput'];

export const limits = {
	destinationMaxLength: 2048,
	slugPattern: /^[A-Za-z0-9_-]{1,64}$/,
	domainPattern: /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$/,
	titleMaxLength: 200,
	descriptionMaxLength: 1000,
	nameMaxLength: 200,
	tagMaxLength: 50,
	maxTags: 20,
	utmMaxLength: 200,
	maxSegmentRoutes: 20,
	maxRules: 50,
	ruleValueMaxLength: 200,
	idPrefixes: { link: 'lnk_', campaign: 'cmp_', segment: 'seg_', click: 'clk_' },
} as const;

export const segmentRuleFields: ReadonlyArray<Schemas['SegmentRuleField']> = ['country', 'device', 'os', 'browser', 'language', 'referrer'];
export const segmentRuleOperators: ReadonlyArray<Schemas['SegmentRuleOperator']> = ['is', 'is_not', 'contains'];
export const utmKeys = ['source', 'medium', 'campaign', 'term', 'content'] as const;

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
		throw inputError(field, `only http:// and https:// addresses can be shortened, not ${parsed.protocol}`);
	}
	if (!parsed.hostname) throw inputError(field, `"${url}" has no host name`);
	if (/\s/.test(url)) throw inputError(field, 'must not contain spaces — encode them as %20');
	if (url.length > limits.destinationMaxLength) {
		throw inputError(field, `is ${url.length} characters long; Linkkit accepts at most ${limits.destinationMaxLength}`);
	}
	return url;
}

export function validateSlug(field: string, value: unknown): string {
	if (typeof value === 'string' && value.length > 0 && value.trim() === '') {
		throw inputError(field, 'cannot be only spaces — leave it empty to get a generated slug');
	}
	const slug = text(field, value);
	if (slug === '') throw inputError(field, 'cannot be empty — leave the field out to get a generated slug');
	if (!limits.slugPattern.test(slug)) {
		throw inputError(field, `"${slug}" may use only letters, digits, "-" and "_" (1 to 64 characters)`);
	}
	return slug;
}

export function validateDomain(field: string, value: unknown): string {
	const domain = text(field, value).toLowerCase();
	if (!limits.domainPattern.test(domain) || domain.length > 253) {
		throw inputError(field, `"${domain}" is not a domain name such as lnkk.it (no https://, no path)`);
	}
	return domain;
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

export function validateId(field: string, value: unknown, kind: keyof typeof limits.idPrefixes): string {
	const id = text(field, value);
	const prefix = limits.idPrefixes[kind];
	if (!id.startsWith(prefix) || !/^[a-z]{3}_[A-Za-z0-9]+$/.test(id)) {
		throw inputError(field, `"${id}" is not a ${kind} ID — ${kind} IDs look like ${prefix}8f3k2m9q1x`);
	}
	return id;
}

export function validateText(field: string, value: unknown, maxLength: number): string {
	const out = text(field, value);
	if (out.length > maxLength) throw inputError(field, `is ${out.length} characters long; at most ${maxLength} are allowed`);
	return out;
}

/** Tags arrive as a list or as comma-separated text; blanks and repeats are dropped. */
export function validateTags(field: string, value: unknown): string[] {
	const raw = Array.isArray(value) ? value : isBlank(value) ? [] : text(field, value).split(',');
	const tags: string[] = [];
	for (const entry of raw) {
		if (isBlank(entry)) continue;
		const tag = text(field, entry);
		if (tag.length > limits.tagMaxLength) throw inputError(field, `tag "${tag.slice(0, 20)}…" is longer than ${limits.tagMaxLength} characters`);
		if (!tags.includes(tag)) tags.push(tag);
	}
	if (tags.length > limits.maxTags) throw inputError(field, `has ${tags.length} tags; at most ${limits.maxTags} are allowed`);
	return tags;
}

/** Blank UTM fields are left out (they keep their inherited value); `null` clears one on update. */
export function validateUtm(field: string, value: unknown): UtmInput | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) throw inputError(field, 'must be an object of UTM fields');
	const out: UtmInput = {};
	for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
		if (!(utmKeys as readonly string[]).includes(key)) {
			throw inputError(`${field}.${key}`, `is not a UTM field; use ${utmKeys.join(', ')}`);
		}
		if (raw === null) out[key as keyof UtmInput] = null;
		else if (!isBlank(raw)) out[key as keyof UtmInput] = validateText(`${field}.${key}`, raw, limits.utmMaxLength);
	}
	return Object.keys(out).length ? out : undefined;
}

export function validateSegmentRules(field: string, value: unknown): SegmentRule[] {
	if (!Array.isArray(value) || value.length === 0) throw inputError(field, 'needs at least one rule (for example: country is DE)');
	if (value.length > limits.maxRules) throw inputError(field, `has ${value.length} rules; at most ${limits.maxRules} are allowed`);
	return value.map((rule: unknown, index) => {
		const at = `${field}[${index}]`;
		if (!rule || typeof rule !== 'object') throw inputError(at, 'must have a field, an operator and a value');
		const { field: ruleField, operator, value: ruleValue } = rule as Record<string, unknown>;
		if (!segmentRuleFields.includes(ruleField as SegmentRule['field'])) {
			throw inputError(`${at}.field`, `"${String(ruleField)}" is not one of ${segmentRuleFields.join(', ')}`);
		}
		if (!segmentRuleOperators.includes(operator as SegmentRule['operator'])) {
			throw inputError(`${at}.operator`, `"${String(operator)}" is not one of ${segmentRuleOperators.join(', ')}`);
		}
		if (isBlank(ruleValue)) throw inputError(`${at}.value`, 'is required');
		// Visitors' countries are recorded as two-letter codes, so a rule on "Germany" would never match anyone.
		const checked =
			ruleField === 'country' ? validateCountryCode(`${at}.value`, ruleValue) : validateText(`${at}.value`, ruleValue, limits.ruleValueMaxLength);
		return { field: ruleField as SegmentRule['field'], operator: operator as SegmentRule['operator'], value: checked };
	});
}

export function validateSegmentRoutes(field: string, value: unknown): Schemas['SegmentRoute'][] {
	if (isBlank(value)) return [];
	if (!Array.isArray(value)) throw inputError(field, 'must be a list of segment and destination pairs');
	if (value.length > limits.maxSegmentRoutes) throw inputError(field, `has ${value.length} routes; at most ${limits.maxSegmentRoutes}`);
	return value.map((route: unknown, index) => {
		const at = `${field}[${index}]`;
		const { segmentId, destination } = (route ?? {}) as Record<string, unknown>;
		return {
			segmentId: validateId(`${at}.segmentId`, segmentId, 'segment'),
			destination: validateUrl(`${at}.destination`, destination),
		};
	});
}
