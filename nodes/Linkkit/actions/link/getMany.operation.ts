/** Link → Get Many: the account's links, newest first, with optional filters. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyLink, type LinkFilters } from '../../../../core';
import { runPerItem } from '../common/execution';
import { createdAfterField, createdBeforeField, simplifyField } from '../common/fields';
import { createdRange, emitMany, filtersField, pagingFields, readFilters, readPaging } from '../common/get-many';
import { locatorField, readLocator } from '../common/locators';

const properties: INodeProperties[] = [
	...pagingFields,
	filtersField([
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
	]),
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const filters = readFilters(this, itemIndex);
		const query: LinkFilters = {
			search: filters.search as string,
			tag: filters.tag as string,
			domain: filters.domain as string,
			campaignId: filters.campaignId === undefined ? undefined : readLocator(filters.campaignId).value,
			...createdRange(filters),
		};
		const paging = readPaging(this, itemIndex);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return await emitMany(client.links.iterate(query, paging), (link) => (simplify ? simplifyLink(link) : link));
	});
}
