/** Analytics → Get Summary: total clicks and unique visitors for a period. */

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { analyticsScopeFields, readAnalyticsScope } from '../common/analytics-scope';
import { asJson, runPerItem } from '../common/execution';

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['getSummary'] } }, analyticsScopeFields);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const scope = await readAnalyticsScope(this, itemIndex, client);
		return asJson(await client.analytics.summary(scope));
	});
}
