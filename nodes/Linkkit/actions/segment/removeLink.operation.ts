/** Segment → Remove Link: takes a link out of whatever segment it is in (Linkkit: list_id set to null). */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { linkCodeOf } from '../common/locators';
import { linkPicker } from '../link/get.operation';

const properties: INodeProperties[] = [{ ...linkPicker, description: 'The link to take out of its segment' }, writeOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['removeLink'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => linkCodeOf(this.getNodeParameter('link', itemIndex)),
		run: async (client, code) => asJson(await client.segments.removeLink(code)),
	});
}
