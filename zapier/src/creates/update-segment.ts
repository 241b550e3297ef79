import { segmentField } from '../fields/dropdowns';
import { segmentWriteFields } from '../fields/segments';
import { clearFieldsField, segmentClearables } from '../fields/clear';
import { optionalText, segmentInput, withClears } from '../inputs';
import { segmentOutputFields } from '../output-fields/segment';
import { linkkitPerform } from '../perform';
import { segmentSample } from '../samples/segment';

const inputFields = [segmentField({ helpText: 'The segment to change.' }), ...segmentWriteFields('update'), clearFieldsField('segment', segmentClearables)];

export const updateSegment = {
	key: 'update_segment',
	noun: 'Segment',
	display: {
		label: 'Update Segment',
		description: 'Changes an existing visitor segment: only the fields you fill in change, and the ones you choose in Clear Fields are emptied.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) =>
			client.segments.update(optionalText(bundle.inputData.segmentId) ?? '', withClears(segmentInput(bundle.inputData), bundle.inputData, segmentClearables)),
		),
		sample: segmentSample,
		outputFields: segmentOutputFields,
	},
};
