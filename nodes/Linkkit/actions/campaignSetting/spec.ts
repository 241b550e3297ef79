/**
 * Campaign settings as Linkkit's app calls them; the API calls them UTM templates (`/v1/utm-templates`): named sets
 * of UTM parameters that Link → Create and Update write into a destination URL.
 */

import type { INodeProperties } from 'n8n-workflow';

import { UTM_PARAMETERS } from '../../../../core';
import type { NamedResourceSpec } from '../common/named-resource';
import { byLabel, UTM_FIELD_LABELS } from '../common/fields';

const examples: Record<string, string> = {
	utm_source: 'newsletter',
	utm_medium: 'email',
	utm_campaign: 'summer-sale',
	utm_term: 'running shoes',
	utm_content: 'banner_top',
	ref: 'partner-42',
};

/** One field per parameter, named as the API names it (utm_source …), so the core takes them as they are. */
const parameterFields: INodeProperties[] = UTM_PARAMETERS.map((name) => ({
	displayName: UTM_FIELD_LABELS[name],
	name,
	type: 'string' as const,
	default: '',
	placeholder: examples[name],
	description: `Written into destination URLs as ${name}`,
}));

export const campaignSettingSpec: NamedResourceSpec = {
	resource: 'campaignSetting',
	singular: 'campaign setting',
	idField: 'campaignSettingId',
	kind: 'campaignSetting',
	label: 'Campaign Setting',
	api: (client) => client.campaignSettings,
	fields: byLabel(parameterFields),
};
