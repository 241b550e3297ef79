import { optionalText } from '../inputs';
import { segmentOutputFields } from '../output-fields/segment';
import { linkkitPerform } from '../perform';
import { segmentSample } from '../samples/segment';
import { foundOrNone } from './not-found';

const inputFields = [{ key: 'name', label: 'Name', required: true, helpText: 'The exact segment name (not case-sensitive).' }];

export const findSegment = {
	key: 'find_segment',
	noun: 'Segment',
	display: {
		label: 'Find Segment',
		description: 'Finds a visitor segment by its name.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) => foundOrNone(() => client.segments.findByName(optionalText(bundle.inputData.name) ?? ''))),
		sample: segmentSample,
		outputFields: segmentOutputFields,
	},
};
