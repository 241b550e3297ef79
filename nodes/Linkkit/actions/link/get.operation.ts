/** Link → Get: one link, picked from a list, by ID or by its short URL. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyLink } from '../../../../core';
import { asJson, runPerItem } from '../common/execution';
import { simplifyField } from '../common/fields';
import { locatorField, readLocator } from '../common/locators';

export const linkPicker = locatorField('link', {
	displayName: 'Link',
	name: 'linkId',
	required: true,
	description: 'The link to use',
});

const properties: INodeProperties[] = [linkPicker, simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const locator = readLocator(this.getNodeParameter('linkId', itemIndex));
		const link = locator.mode === 'shortUrl' ? await client.links.lookup({ shortUrl: locator.value }) : await client.links.get(locator.value);
		return this.getNodeParameter('simplify', itemIndex, true) ? asJson(simplifyLink(link)) : asJson(link);
	});
}
