/**
 * Campaign settings: what Linkkit's app uses for campaigns, and its API calls UTM templates (`/v1/utm-templates`):
 * named sets of utm_source, utm_medium, utm_campaign, utm_term, utm_content and ref. Applying one to a link writes
 * them into the link's destination (utm.ts).
 */

import { inputError } from '../errors';
import type { LinkkitHttp } from '../http';
import { validateRequiredText, validateText } from '../validation';
import { put } from './common';
import { namedCollectionApi } from './named-collection';
import { UTM_PARAMETERS, type UtmTemplate } from './utm';

export type { UtmTemplate };
type TemplateBody = { name?: string } & Partial<Record<(typeof UTM_PARAMETERS)[number], string | null>>;

function fill(body: TemplateBody, input: Record<string, unknown>, clearable: boolean): void {
	for (const name of UTM_PARAMETERS) put(body, name, input[name], (v) => validateText(name, v, 200), clearable);
}

export function utmTemplatesApi(http: LinkkitHttp) {
	return namedCollectionApi<UtmTemplate, TemplateBody & { name: string }, TemplateBody>(http, {
		idField: 'campaignSettingId',
		noun: 'campaign setting',
		operations: { list: 'listUtmTemplates', create: 'createUtmTemplate', get: 'getUtmTemplate', update: 'updateUtmTemplate', delete: 'deleteUtmTemplate' },
		buildCreate: (input) => {
			const body: TemplateBody & { name: string } = { name: validateRequiredText('name', input.name, 200) };
			fill(body, input, false);
			return body;
		},
		buildUpdate: (input) => {
			const body: TemplateBody = {};
			put(body, 'name', input.name, (v) => validateText('name', v, 200));
			fill(body, input, true);
			if (Object.keys(body).length === 0) throw inputError('fields', 'give at least one field to change');
			return body;
		},
	});
}
