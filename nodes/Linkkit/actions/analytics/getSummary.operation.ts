/** Analytics → Get Summary: the workspace's totals over a period (Linkkit's summary: links created, clicks). */

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { dateRangeFields, readDateRange } from '../common/fields';

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['getSummary'] } }, dateRangeFields('last30Days'));

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => readDateRange(this, itemIndex),
		run: async (client, range) => asJson(await client.analytics.summary(range)),
	});
}
