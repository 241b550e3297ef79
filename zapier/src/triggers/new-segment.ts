import { segmentOutputFields } from '../output-fields/segment';
import { linkkitPerform } from '../perform';
import { segmentSample } from '../samples/segment';
import { pollSize } from './poll-size';

export const newSegment = {
	key: 'new_segment',
	noun: 'Segment',
	display: {
		label: 'New Segment',
		description: 'Triggers when a new visitor segment is created in Linkkit.',
	},
	operation: {
		type: 'polling' as const,
		perform: linkkitPerform([], async (client, bundle) => (await client.segments.listPage({}, { limit: pollSize(bundle) })).data),
		sample: segmentSample,
		outputFields: segmentOutputFields,
	},
};
