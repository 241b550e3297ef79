import { segmentOutputFields } from '../output-fields/segment';
import { linkkitPerform } from '../perform';
import { segmentSample } from '../samples/segment';
import { newestForPoll } from './poll';

export const newSegment = {
	key: 'new_segment',
	noun: 'Segment',
	display: {
		label: 'New Segment',
		description: 'Triggers when a new visitor segment is created in Linkkit.',
	},
	operation: {
		type: 'polling' as const,
		perform: linkkitPerform([], async (client, bundle) => newestForPoll(bundle, (options) => client.segments.iterate({}, options))),
		sample: segmentSample,
		outputFields: segmentOutputFields,
	},
};
