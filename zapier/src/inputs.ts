/**
 * Zapier's input shapes → the core's inputs. Only reshaping happens here (flattened `utm__*` keys, line items, the
 * Update actions' Clear Fields); all validation is the core's, so both platforms accept the same input.
 *
 * Empty means "not given", whatever form it takes: the app sets `cleanInputData: false` (index.ts), so a field left
 * empty or mapped from an earlier step and empty for this run arrives as '', null, [] or a line-item row of blanks,
 * and every one of them is dropped here — exactly what Zapier's own cleaning (`cleanInputData: true`) would drop.
 * An optional field that is empty for one run therefore never fails the step, and never clears anything.
 */
import { inputError, isBlank, utmKeys, type CampaignInput, type LinkInput, type SegmentInput } from '../../core';
import { CLEAR_FIELDS_KEY, type Clearable } from './fields/clear';

type InputData = Record<string, unknown>;

/** Zapier sends an empty list (or nothing) for a list field nobody filled in; the core reads `[]` as "clear". */
function filledList(value: unknown): unknown {
	if (Array.isArray(value)) {
		const filled = value.filter((entry) => !isBlank(entry));
		return filled.length ? filled : undefined;
	}
	return value;
}

/** Line items whose cells are all empty are rows nobody filled in. */
function filledRows(value: unknown): unknown {
	if (!Array.isArray(value)) return filledList(value);
	const rows = value.filter((row) => row && typeof row === 'object' && Object.values(row).some((cell) => !isBlank(cell)));
	return rows.length ? rows : undefined;
}

/** Line-item rows (`routeSegmentId`, `routeDestination`) → the core's segment routes. */
function routesFromRows(rows: unknown): unknown {
	if (!Array.isArray(rows)) return rows;
	return rows.map((row: Record<string, unknown>) => ({ segmentId: row.routeSegmentId, destination: row.routeDestination }));
}

export function utmInput(data: InputData): Record<string, unknown> | undefined {
	const utm: Record<string, unknown> = {};
	for (const name of utmKeys) {
		if (!isBlank(data[`utm__${name}`])) utm[name] = data[`utm__${name}`];
	}
	return Object.keys(utm).length ? utm : undefined;
}

/** Only what was given: blanks of every kind are dropped, so the core never sees them. */
export function withoutBlanks<T extends object>(input: T): T {
	return Object.fromEntries(Object.entries(input).filter(([, value]) => !isBlank(value))) as T;
}

export function linkInput(data: InputData): LinkInput {
	return withoutBlanks({
		destination: data.destination,
		slug: data.slug,
		domain: data.domain,
		title: data.title,
		description: data.description,
		tags: filledList(data.tags),
		campaignId: data.campaignId,
		utm: utmInput(data),
		segmentRoutes: routesFromRows(filledRows(data.segmentRoutes)),
		expiresAt: data.expiresAt,
	});
}

export function campaignInput(data: InputData): CampaignInput {
	return withoutBlanks({
		name: data.name,
		description: data.description,
		status: data.status,
		defaultDomain: data.defaultDomain,
		utm: utmInput(data),
		startsAt: data.startsAt,
		endsAt: data.endsAt,
	});
}

export function segmentInput(data: InputData): SegmentInput {
	return withoutBlanks({ name: data.name, description: data.description, match: data.match, rules: filledRows(data.rules) });
}

/**
 * Adds the Update action's Clear Fields to its input: each chosen field is sent empty (null, or [] for a list), as
 * the contract allows. A field both filled in and chosen is refused: which of the two was meant is not ours to guess.
 */
export function withClears<T extends object>(input: T, data: InputData, clearables: Clearable[]): T {
	const chosen = filledList(data[CLEAR_FIELDS_KEY]);
	if (chosen === undefined) return input;
	const out = { ...input } as Record<string, unknown>;
	for (const key of (Array.isArray(chosen) ? chosen : [chosen]).map(String)) {
		const clearable = clearables.find((c) => c.key === key);
		if (!clearable) throw inputError(CLEAR_FIELDS_KEY, `"${key}" cannot be cleared; choose from the list`);
		if (!isBlank(data[key]) && !(Array.isArray(data[key]) && filledRows(data[key]) === undefined)) {
			throw inputError(key, `is filled in and also chosen in Clear Fields — fill it in or clear it, not both`);
		}
		if (key.startsWith('utm__')) out.utm = { ...(out.utm as object | undefined), [key.slice('utm__'.length)]: null };
		else out[key] = clearable.emptiesTo === null ? null : [];
	}
	return out as T;
}

/** A filter value as text, or undefined when not filled in, blank or only spaces (the core validates the rest). */
export function optionalText(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	return String(value);
}
