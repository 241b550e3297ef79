/** Link → Get: one link, picked from a list, by its short code or by its short URL. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { linkCodeOf, locatorField } from '../common/locators';

export const linkPicker = locatorField('link', {
	displayName: 'Link',
	name: 'link',
	required: true,
	description: 'The link to use: pick it, or give its short code or short URL',
});

const properties: INodeProperties[] = [linkPicker];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => linkCodeOf(this.getNodeParameter('link', itemIndex)),
		run: async (client, code) => asJson(await client.links.get(code)),
	});
}
