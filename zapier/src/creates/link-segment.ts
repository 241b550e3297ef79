/** Add Link to Segment and Remove Link From Segment (a link is in one segment at most; the API calls them lists). */
import { shortCodeFrom } from '../../../core';
import { linkPicker, segmentPicker } from '../fields/pickers';
import { linkOutputFields } from '../output-fields/link';
import { linkOutputOf } from '../outputs/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const addFields = [
	linkPicker({ helpText: 'The link to add: pick it, or map its short code or short URL.' }),
	segmentPicker({ key: 'segmentId', required: true, helpText: 'The segment to put the link in; a link in another segment moves. (Segments are called lists in the API.)' }),
];

export const addLinkToSegment = {
	key: 'add_link_to_segment',
	noun: 'Link',
	display: { label: 'Add Link to Segment', description: 'Puts a short link into a segment, moving it out of any other.' },
	operation: {
		inputFields: addFields,
		perform: linkkitPerform(addFields, async (client, bundle) => {
			const code = shortCodeFrom('link', bundle.inputData.link);
			return await linkOutputOf(client, await client.segments.addLink(bundle.inputData.segmentId, code));
		}),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};

const removeFields = [linkPicker({ helpText: 'The link to take out of its segment: pick it, or map its short code or short URL.' })];

export const removeLinkFromSegment = {
	key: 'remove_link_from_segment',
	noun: 'Link',
	display: { label: 'Remove Link From Segment', description: 'Takes a short link out of the segment it is in.' },
	operation: {
		inputFields: removeFields,
		perform: linkkitPerform(removeFields, async (client, bundle) => {
			const code = shortCodeFrom('link', bundle.inputData.link);
			return await linkOutputOf(client, await client.segments.removeLink(code));
		}),
		sample: { ...linkSample, list_id: null, list_name: null },
		outputFields: linkOutputFields,
	},
};
