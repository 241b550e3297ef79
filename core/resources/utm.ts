/**
 * UTM templates ("campaign settings" in Linkkit's app) are saved sets of UTM parameters. Links carry no UTM fields,
 * so applying a template means writing its parameters into the destination URL's query, which is what a click then
 * carries to the destination's analytics. A parameter the template sets replaces one of the same name already in the
 * URL (the template is the explicit choice); parameters it leaves empty are not touched.
 */

import type { Schemas } from './common';

export type UtmTemplate = Schemas['UtmTemplate'];

/** Template fields in the order they are written into URLs, with their query names. */
export const UTM_PARAMETERS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'ref'] as const;
export type UtmParameter = (typeof UTM_PARAMETERS)[number];

export function applyUtmTemplate(url: string, template: Partial<Record<UtmParameter, string | null | undefined>>): string {
	const parsed = new URL(url);
	for (const name of UTM_PARAMETERS) {
		const value = template[name];
		if (value === undefined || value === null || value.trim() === '') continue;
		parsed.searchParams.set(name, value.trim());
	}
	return parsed.toString();
}
