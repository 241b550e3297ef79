/** Analytics → Get Link Clicks: a link's click events (time, country, city, device, browser, OS, referrer), newest first. */

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collect } from '../../../../core';
import { asJson, runPerItem } from '../common/execution';
import { pagingFields, readPaging } from '../common/get-many';
import { linkAnalyticsFields, readLinkPeriod } from './link-fields';

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['getLinkClicks'] } }, [
	...linkAnalyticsFields,
	...pagingFields,
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => ({ ...readLinkPeriod(this, itemIndex), paging: readPaging(this, itemIndex) }),
		// Each click says which link it belongs to, for workflows that merge several links' clicks.
		run: async (client, { code, range, paging }) =>
			(await collect(client.analytics.clicks(code, range, paging))).map((click) => asJson({ short_code: code, ...click })),
	});
}
