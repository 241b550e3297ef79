import { segmentWriteFields } from '../fields/segments';
import { repeatNote, zapIdempotencyKey } from '../idempotency';
import { segmentInput } from '../inputs';
import { segmentOutputFields } from '../output-fields/segment';
import { linkkitPerform } from '../perform';
import { segmentSample } from '../samples/segment';

const inputFields = segmentWriteFields('create');

export const createSegment = {
	key: 'create_segment',
	noun: 'Segment',
	display: {
		label: 'Create Segment',
		description: `Creates a visitor segment (e.g. mobile visitors from Germany) to route links and filter analytics by. ${repeatNote('segment')}`,
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) =>
			client.segments.create(segmentInput(bundle.inputData), { idempotencyKey: zapIdempotencyKey(bundle, 'create_segment') }),
		),
		sample: segmentSample,
		outputFields: segmentOutputFields,
	},
};
