/**
 * Pickers for links, campaigns and segments: choose from a searchable list, or give an ID (typed or
 * mapped from an expression); links can also be given by their short URL.
 */

import type { INodeProperties } from 'n8n-workflow';

import { limits, type LinkkitClient } from '../../../../core';

type Kind = keyof Pick<typeof limits.idPrefixes, 'link' | 'campaign' | 'segment'>;

const searchMethods: Record<Kind, string> = { link: 'searchLinks', campaign: 'searchCampaigns', segment: 'searchSegments' };
const examples: Record<Kind, string> = { link: 'lnk_8f3k2m9q1x', campaign: 'cmp_8f3k2m9q1x', segment: 'seg_8f3k2m9q1x' };

export function locatorField(kind: Kind, overrides: Partial<INodeProperties> & Pick<INodeProperties, 'name' | 'displayName'>): INodeProperties {
	const prefix = limits.idPrefixes[kind];
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: searchMethods[kind], searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: examples[kind],
				validation: [
					{
						type: 'regex',
						properties: { regex: `^${prefix}[A-Za-z0-9]+$`, errorMessage: `A ${kind} ID starts with ${prefix}, e.g. ${examples[kind]}` },
					},
				],
			},
			// Only links have a short URL of their own. "By URL", n8n's usual name: the mode menu is too narrow for more.
			...(kind === 'link'
				? [
						{
							displayName: 'By URL',
							name: 'shortUrl',
							type: 'string' as const,
							placeholder: 'https://lnkk.it/spring-sale',
							validation: [
								{
									type: 'regex' as const,
									properties: { regex: '^https?://.+', errorMessage: 'Enter the full short URL, e.g. https://lnkk.it/spring-sale' },
								},
							],
						},
					]
				: []),
		],
		...overrides,
	};
}

export interface LocatorValue {
	mode: string;
	value: string;
}

/**
 * A picker's value as saved by n8n (`{ mode, value }`), or a plain string where an expression or an AI
 * agent replaced the whole picker: a string starting with http is taken as a short URL, anything else as an ID.
 */
export function readLocator(raw: unknown): LocatorValue {
	if (raw && typeof raw === 'object' && 'value' in raw) {
		const { mode, value } = raw as { mode?: unknown; value?: unknown };
		return { mode: String(mode ?? 'id'), value: value === undefined || value === null ? '' : String(value).trim() };
	}
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	return { mode: /^https?:\/\//i.test(value) ? 'shortUrl' : 'id', value };
}

/** The link ID a link picker stands for; a short URL is looked up first. */
export async function resolveLinkId(client: LinkkitClient, raw: unknown): Promise<string> {
	const locator = readLocator(raw);
	if (locator.mode === 'shortUrl') return (await client.links.lookup({ shortUrl: locator.value })).id;
	return locator.value;
}
