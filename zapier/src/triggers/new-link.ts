import { segmentPicker } from '../fields/pickers';
import { optionalText } from '../inputs';
import { linkOutputFields } from '../output-fields/link';
import { linkOutputs } from '../outputs/link';
import { linksByCreation } from '../polling/link-feeds';
import { readForPoll } from '../polling/paged-read';
import { pollFeed } from '../polling/poll';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const inputFields = [segmentPicker({ inAction: false, helpText: 'Only links created in this segment. Leave empty for every new link.' })];

export const newLink = {
	key: 'new_link',
	noun: 'Link',
	display: {
		label: 'New Link (Polling)',
		description: 'Triggers when a short link is created, checked every few minutes. Replaced by the instant New Link.',
		// Kept for the Zaps built on it before the instant trigger existed; new Zaps get the instant one (README).
		hidden: true,
	},
	operation: {
		type: 'polling' as const,
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle, z) => {
			const segmentId = optionalText(bundle.inputData.list_id);
			const feed = linksByCreation(client, segmentId);
			return await pollFeed(z, bundle, client, {
				trigger: 'new_link',
				stamp: feed.stamp,
				read: (position) => readForPoll(feed, position),
				newest: async (count) => (await feed.page(1, count)).data,
				output: (links) => linkOutputs(client, links),
			});
		}),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
