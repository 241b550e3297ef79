/** Segment → Update: changes only the fields given; rules, when given, replace the current ones. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { readLocator } from '../common/locators';
import { segmentInputFrom, segmentPicker, segmentUpdateFields } from './fields';

const properties: INodeProperties[] = [segmentPicker, segmentUpdateFields, writeOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const id = readLocator(this.getNodeParameter('segmentId', itemIndex)).value;
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		return asJson(await client.segments.update(id, segmentInputFrom(fields)));
	});
}
