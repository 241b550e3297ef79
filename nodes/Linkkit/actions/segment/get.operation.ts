/** Segment → Get. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { readLocator } from '../common/locators';
import { segmentPicker } from './fields';

const properties: INodeProperties[] = [segmentPicker];

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		return asJson(await client.segments.get(readLocator(this.getNodeParameter('segmentId', itemIndex)).value));
	});
}
