/**
 * Link → Update: changes only the fields given; a New Short Code renames the link. A rename retried after a lost
 * answer finds the old code gone and the link under the new one (the core checks).
 */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { linkCodeOf } from '../common/locators';
import { linkInputFrom, linkUpdateFields, withCampaignSetting, withStandInCampaignSetting, type LinkFieldsInput } from './fields';
import { linkPicker } from './get.operation';

const properties: INodeProperties[] = [linkPicker, linkUpdateFields, writeOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['update'] } }, properties);

interface UpdateInput extends LinkFieldsInput {
	code: string;
	newCode?: unknown;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem<UpdateInput>(this, {
		read: (itemIndex) => {
			const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			return { ...linkInputFrom(fields), code: linkCodeOf(this.getNodeParameter('link', itemIndex)), newCode: fields.shortCode };
		},
		check: (client, input) => client.links.update(input.code, { ...withStandInCampaignSetting(input), short_code: input.newCode }),
		run: async (client, input) =>
			asJson(await client.links.update(input.code, { ...(await withCampaignSetting(client, input)), short_code: input.newCode })),
	});
}
