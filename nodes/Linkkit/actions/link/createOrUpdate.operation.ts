/**
 * Link → Create or Update: Linkkit's own upsert by short code (PUT): creates the link under the code when it is free,
 * or changes the link that has it. Repeating it has the same effect, so a lost answer is simply sent again.
 */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shortCodeFrom } from '../../../../core';
import { asJson, CREATE_CONCURRENCY, runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { additionalLinkFields, destinationField, readLinkCreate, withCampaignSetting, type LinkFieldsInput } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Short Code',
		name: 'shortCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'summer-sale',
		description: 'The code of the link to create or change: at least 3 letters, digits, "-" or "_"',
		hint: 'The output says created: true when the link was new, false when an existing link was changed. A retry after a lost answer reports what it found: false for a link the lost attempt created.',
	},
	destinationField,
	additionalLinkFields,
	writeOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['createOrUpdate'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem<LinkFieldsInput & { code: string }>(this, {
		read: (itemIndex) => ({ ...readLinkCreate(this, itemIndex), code: shortCodeFrom('short_code', this.getNodeParameter('shortCode', itemIndex)) }),
		check: (client, input) => client.links.upsert(input.code, input.link),
		run: async (client, input, _itemIndex, proceed) => {
			const { link, created } = await client.links.upsert(input.code, await withCampaignSetting(client, input), { proceed });
			return asJson({ ...link, created });
		},
		concurrency: CREATE_CONCURRENCY,
	});
}
