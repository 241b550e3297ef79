/** Campaign → Get Many: newest first, with optional filters. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CampaignStatus } from '../../../../core';
import { runPerItem } from '../common/execution';
import { createdAfterField, createdBeforeField } from '../common/fields';
import { createdRange, emitMany, filtersField, pagingFields, readFilters, readPaging } from '../common/get-many';
import { statusField } from './fields';

const properties: INodeProperties[] = [
	...pagingFields,
	filtersField([
		createdAfterField,
		createdBeforeField,
		{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Text to look for in the name (not case-sensitive)' },
		statusField,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const filters = readFilters(this, itemIndex);
		const query = { search: filters.search as string, status: filters.status as CampaignStatus, ...createdRange(filters) };
		return await emitMany(client.campaigns.iterate(query, readPaging(this, itemIndex)));
	});
}
