/**
 * The pickers for Linkkit objects (n8n's resource locator): from a searchable list, or typed / mapped from an
 * expression. Links are addressed by their short code (Linkkit's own address for a link) or their short URL; the
 * others by their ID, which Linkkit's API gives as a UUID.
 */

import type { INodeProperties } from 'n8n-workflow';

import { inputError, shortCodeFrom, validateUuid } from '../../../../core';

export type LocatorKind = 'link' | 'segment' | 'campaignSetting' | 'tag' | 'qrCode' | 'domain' | 'customDomain';

interface KindSpec {
	searchMethod: string;
	/** How people call one, for the ID mode's hint and messages. */
	noun: string;
}

const kinds: Record<LocatorKind, KindSpec> = {
	link: { searchMethod: 'searchLinks', noun: 'link' },
	segment: { searchMethod: 'searchSegments', noun: 'segment' },
	campaignSetting: { searchMethod: 'searchCampaignSettings', noun: 'campaign setting' },
	tag: { searchMethod: 'searchTags', noun: 'tag' },
	qrCode: { searchMethod: 'searchQrCodes', noun: 'QR code' },
	domain: { searchMethod: 'searchDomains', noun: 'domain' },
	// A link's custom domain is given by its name (go.acme.com), as Linkkit's links carry it.
	customDomain: { searchMethod: 'searchCustomDomains', noun: 'custom domain' },
};

const UUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const EXAMPLE_UUID = '3f6c1a9e-8b2d-4c71-9e0a-5d4b7f2c1e88';

/** The modes besides "From List": links by short code or short URL, custom domains by name, the rest by ID. */
export function locatorField(kind: LocatorKind, overrides: Partial<INodeProperties> & Pick<INodeProperties, 'name' | 'displayName'>): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: kinds[kind].searchMethod, searchable: true },
			},
			...(kind === 'link'
				? [
						{
							displayName: 'By Code',
							name: 'shortCode',
							type: 'string' as const,
							placeholder: 'abc123',
							validation: [
								{
									type: 'regex' as const,
									properties: { regex: '^[a-zA-Z0-9_-]{3,}$', errorMessage: 'A short code has at least 3 letters, digits, "-" or "_", e.g. abc123' },
								},
							],
						},
						// "By URL", n8n's usual name: the mode menu is too narrow for more. Not named `url`: n8n puts an
						// "open" link beside a mode of that name, and opening a short URL would record a click.
						{
							displayName: 'By URL',
							name: 'shortUrl',
							type: 'string' as const,
							placeholder: 'https://uselinkkit.com/abc123',
							validation: [
								{
									type: 'regex' as const,
									properties: { regex: '^https?://.+/.+', errorMessage: 'Enter the full short URL, e.g. https://uselinkkit.com/abc123' },
								},
							],
						},
					]
				: kind === 'customDomain'
					? [
							{
								displayName: 'By Name',
								name: 'name',
								type: 'string' as const,
								placeholder: 'go.acme.com',
								validation: [
									{
										type: 'regex' as const,
										properties: { regex: '^[^/:\\s]+\\.[^/:\\s]+$', errorMessage: 'Enter the domain alone, e.g. go.acme.com (no https://, no path)' },
									},
								],
							},
						]
					: [
							{
								displayName: 'By ID',
								name: 'id',
								type: 'string' as const,
								placeholder: EXAMPLE_UUID,
								validation: [
									{ type: 'regex' as const, properties: { regex: UUID_REGEX, errorMessage: `A ${kinds[kind].noun} ID looks like ${EXAMPLE_UUID}` } },
								],
							},
						]),
		],
		...overrides,
	};
}

export interface LocatorValue {
	mode: string;
	value: string;
}

/**
 * A picker's value as saved by n8n (`{ mode, value }`), or a plain string where an expression or an AI agent
 * replaced the whole picker.
 */
export function readLocator(raw: unknown): LocatorValue {
	if (raw && typeof raw === 'object' && 'value' in raw) {
		const { mode, value } = raw as { mode?: unknown; value?: unknown };
		return { mode: String(mode ?? 'id'), value: value === undefined || value === null ? '' : String(value).trim() };
	}
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	return { mode: /^https?:\/\//i.test(value) ? 'shortUrl' : 'id', value };
}

/** The short code a link picker stands for (a short URL is read back to its code); `field` names it in errors. */
export function linkCodeOf(raw: unknown, field = 'link'): string {
	return shortCodeFrom(field, readLocator(raw).value);
}

/** The ID an ID picker stands for, checked; `field` names it in errors (e.g. `segmentId` → "Segment"). */
export function idOf(raw: unknown, field: string, kind: Exclude<LocatorKind, 'link' | 'customDomain'>): string {
	const { value } = readLocator(raw);
	if (!value) throw inputError(field, `is required — pick a ${kinds[kind].noun} from the list or give its ID`);
	return validateUuid(field, value, kinds[kind].noun);
}

/** An optional ID picker: undefined when left empty. */
export function optionalIdOf(raw: unknown, field: string, kind: Exclude<LocatorKind, 'link' | 'customDomain'>): string | undefined {
	const { value } = readLocator(raw);
	return value ? validateUuid(field, value, kinds[kind].noun) : undefined;
}
