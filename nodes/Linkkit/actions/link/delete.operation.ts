/** Link → Delete: the short link stops redirecting. */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { linkCodeOf } from '../common/locators';
import { linkPicker } from './get.operation';

const properties: INodeProperties[] = [linkPicker, writeOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['delete'] } }, properties);

/** A delete retried after a lost answer that finds the link gone counts as done (the core checks). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => linkCodeOf(this.getNodeParameter('link', itemIndex)),
		run: async (client, code) => await client.links.delete(code),
	});
}
