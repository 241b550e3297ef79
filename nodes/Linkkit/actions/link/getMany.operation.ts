/** Link → Get Many: the account's links, newest first, with optional filters. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collect, simplifyLink, type LinkFilters } from '../../../../core';
import { asJson, runPerItem } from '../common/execution';
import { createdAfterField, createdBeforeField, limitField, returnAllField, simplifyField } from '../common/fields';
import { locatorField, readLocator } from '../common/locators';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			locatorField('campaign', { displayName: 'Campaign', name: 'campaignId', description: 'Only links in this campaign' }),
			createdAfterField,
			createdBeforeField,
			{ displayName: 'Domain', name: 'domain', type: 'string', default: '', placeholder: 'lnkk.it', description: 'Only links on this short domain' },
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Text to look for in the title, destination and slug (not case-sensitive)',
			},
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '', description: 'Only links with this tag' },
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const query: LinkFilters = {
			search: filters.search as string,
			tag: filters.tag as string,
			domain: filters.domain as string,
			campaignId: filters.campaignId === undefined ? undefined : readLocator(filters.campaignId).value,
			createdAfter: filters.createdAfter as string,
			createdBefore: filters.createdBefore as string,
		};
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
		const links = await collect(client.links.iterate(query, { returnAll, limit }));
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return links.map((link) => (simplify ? asJson(simplifyLink(link)) : asJson(link)));
	});
}
