/**
 * Zapier's input shapes → the core's inputs. Only reshaping happens here (flattened `utm__*` keys, line items,
 * "empty list means not filled in"); all validation is the core's, so both platforms accept the same input.
 */
import { isBlank, utmKeys, type CampaignInput, type LinkInput, type SegmentInput } from '../../core';

type InputData = Record<string, unknown>;

/** Zapier sends an empty list (or nothing) for a list field nobody filled in; the core reads `[]` as "clear". */
function filledList(value: unknown): unknown {
	if (Array.isArray(value)) return value.length ? value : undefined;
	return value;
}

/** Line items whose cells are all empty are rows nobody filled in. */
function filledRows(value: unknown): unknown {
	if (!Array.isArray(value)) return filledList(value);
	const rows = value.filter((row) => row && typeof row === 'object' && Object.values(row).some((cell) => cell !== undefined && cell !== null && cell !== ''));
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
		if (data[`utm__${name}`] !== undefined) utm[name] = data[`utm__${name}`];
	}
	return Object.keys(utm).length ? utm : undefined;
}

export function linkInput(data: InputData): LinkInput {
	return {
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
	};
}

export function campaignInput(data: InputData): CampaignInput {
	return {
		name: data.name,
		description: data.description,
		status: data.status,
		defaultDomain: data.defaultDomain,
		utm: utmInput(data),
		startsAt: data.startsAt,
		endsAt: data.endsAt,
	};
}

export function segmentInput(data: InputData): SegmentInput {
	return { name: data.name, description: data.description, match: data.match, rules: filledRows(data.rules) };
}

/** Only the fields the user filled in: updates change those and leave the rest alone. */
export function withoutBlanks<T extends object>(input: T): T {
	return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== '')) as T;
}

/** A filter value as text, or undefined when not filled in, blank or only spaces (the core validates the rest). */
export function optionalText(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	return String(value);
}
