import { segmentField } from '../fields/dropdowns';
import { segmentWriteFields } from '../fields/segments';
import { optionalText, segmentInput, withoutBlanks } from '../inputs';
import { segmentOutputFields } from '../output-fields/segment';
import { linkkitPerform } from '../perform';
import { segmentSample } from '../samples/segment';

const inputFields = [segmentField({ helpText: 'The segment to change.' }), ...segmentWriteFields('update')];

export const updateSegment = {
	key: 'update_segment',
	noun: 'Segment',
	display: {
		label: 'Update Segment',
		description: 'Changes an existing visitor segment: only the fields you fill in change.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) =>
			client.segments.update(optionalText(bundle.inputData.segmentId) ?? '', withoutBlanks(segmentInput(bundle.inputData))),
		),
		sample: segmentSample,
		outputFields: segmentOutputFields,
	},
};
