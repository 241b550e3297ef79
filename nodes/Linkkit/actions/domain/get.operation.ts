/** Domain → Get: one custom domain with the DNS records (CNAME and TXT) that verify it. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { idOf, locatorField } from '../common/locators';

const properties: INodeProperties[] = [
	locatorField('domain', { displayName: 'Domain', name: 'domainId', required: true, description: 'The custom domain to get' }),
];

export const description = updateDisplayOptions({ show: { resource: ['domain'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => idOf(this.getNodeParameter('domainId', itemIndex), 'domainId', 'domain'),
		run: async (client, id) => asJson(await client.account.domain(id)),
	});
}
