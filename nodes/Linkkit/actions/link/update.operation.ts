/** Link → Update: changes only the fields given. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildLinkUpdate } from '../../../../core';
import { asJson, runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { resolveLinkId } from '../common/locators';
import { linkInputFrom, linkUpdateFields } from './fields';
import { linkPicker } from './get.operation';

const properties: INodeProperties[] = [linkPicker, linkUpdateFields, writeOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const input = linkInputFrom(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
		// Refuse bad input before anything is sent, the short-URL lookup included.
		buildLinkUpdate(input);
		const id = await resolveLinkId(client, this.getNodeParameter('linkId', itemIndex));
		return asJson(await client.links.update(id, input));
	});
}
