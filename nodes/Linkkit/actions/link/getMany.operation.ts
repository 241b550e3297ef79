/** Link → Get Many: the workspace's links, newest first, with optional filters. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LinkFilters } from '../../../../core';
import { runPerItem } from '../common/execution';
import { emitMany, filtersField, pagingFields, readFilters, readPaging } from '../common/get-many';
import { locatorField, optionalIdOf } from '../common/locators';

const properties: INodeProperties[] = [
	...pagingFields,
	filtersField([
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description: 'Whether to return only active links (on) or only inactive ones (off)',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Text to look for in the destination URL or the title (not case-sensitive)',
		},
		locatorField('segment', { displayName: 'Segment', name: 'segmentId', description: 'Only links in this segment (Linkkit: list)' }),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => {
			const filters = readFilters(this, itemIndex);
			const query: LinkFilters = {
				search: filters.search as string | undefined,
				list_id: filters.segmentId === undefined ? undefined : optionalIdOf(filters.segmentId, 'segmentId', 'segment'),
				is_active: filters.active as boolean | undefined,
			};
			return { query, paging: readPaging(this, itemIndex) };
		},
		check: (client, { query }) => client.links.iterate(query, { limit: 1 }),
		run: async (client, { query, paging }) => await emitMany(client.links.iterate(query, paging)),
	});
}
