/** Segment → Add Link: moves a link into the segment (Linkkit: sets the link's list_id; a link is in one segment at most). */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asJson, runPerItem } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { idOf, linkCodeOf, locatorField } from '../common/locators';
import { linkPicker } from '../link/get.operation';

export const segmentPicker = locatorField('segment', { displayName: 'Segment', name: 'segmentId', required: true, description: 'The segment to use' });

const properties: INodeProperties[] = [
	segmentPicker,
	{ ...linkPicker, description: 'The link to move into the segment; it leaves any segment it was in' },
	writeOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['addLink'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, {
		read: (itemIndex) => ({
			segmentId: idOf(this.getNodeParameter('segmentId', itemIndex), 'segmentId', 'segment'),
			code: linkCodeOf(this.getNodeParameter('link', itemIndex)),
		}),
		run: async (client, { segmentId, code }) => asJson(await client.segments.addLink(segmentId, code)),
	});
}
