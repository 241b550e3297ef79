/** Segment → Create: a visitor audience defined by rules. */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, idempotencyKeyFor, runPerItem } from '../common/execution';
import { createOptionsField } from '../common/fields';
import { matchField, rulesField, segmentDescriptionField, segmentInputFrom, segmentNameField } from './fields';

const properties: INodeProperties[] = [
	segmentNameField,
	matchField,
	{ ...rulesField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [segmentDescriptionField],
	},
	createOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex, client) => {
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const input = segmentInputFrom({
			...additional,
			name: this.getNodeParameter('name', itemIndex),
			match: this.getNodeParameter('match', itemIndex),
			rules: this.getNodeParameter('rules', itemIndex, {}),
		});
		return asJson(await client.segments.create(input, { idempotencyKey: idempotencyKeyFor(this, 'segment.create', itemIndex, input) }));
	});
}
