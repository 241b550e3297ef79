import { segmentWriteFields } from '../fields/segments';
import { createOncePerRun, rerunNote } from '../idempotency';
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
		description: `Creates a visitor segment (e.g. mobile visitors from Germany) to route links and filter analytics by. ${rerunNote('segment')}`,
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle, z) =>
			createOncePerRun(z, bundle, 'create_segment', (idempotencyKey) => client.segments.create(segmentInput(bundle.inputData), { idempotencyKey })),
		),
		sample: segmentSample,
		outputFields: segmentOutputFields,
	},
};
