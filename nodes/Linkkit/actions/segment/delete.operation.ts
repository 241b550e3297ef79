/** Segment → Delete. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { readLocator } from '../common/locators';
import { segmentPicker } from './fields';

const properties: INodeProperties[] = [segmentPicker, writeOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		return await client.segments.delete(readLocator(this.getNodeParameter('segmentId', itemIndex)).value);
	});
}
