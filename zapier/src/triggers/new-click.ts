import { shortCodeFrom } from '../../../core';
import { linkPicker } from '../fields/pickers';
import { clickOutputFields } from '../output-fields/events';
import { clickOutput } from '../outputs/click';
import { clicksOf } from '../polling/link-feeds';
import { readForPoll } from '../polling/paged-read';
import { pollFeed } from '../polling/poll';
import { linkkitPerform } from '../perform';
import { clickSample } from '../samples/events';

const inputFields = [linkPicker({ inAction: false, helpText: 'The link whose clicks to watch: pick it, or enter its short code or short URL.' })];

export const newClick = {
	key: 'new_click',
	noun: 'Click',
	display: {
		label: 'New Click (Polling)',
		description: 'Triggers when someone clicks a short link, checked every few minutes. Replaced by the instant New Click.',
		// Kept for the Zaps built on it before the instant trigger existed; new Zaps get the instant one (README).
		hidden: true,
	},
	operation: {
		type: 'polling' as const,
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle, z) => {
			const code = shortCodeFrom('link', bundle.inputData.link);
			// Read once per poll: every click names its link, and a renamed or deleted link fails here, clearly.
			const link = await client.links.get(code);
			const feed = clicksOf(client, link.short_code);
			return await pollFeed(z, bundle, client, {
				trigger: 'new_click',
				stamp: feed.stamp,
				read: (position) => readForPoll(feed, position),
				newest: async (count) => (await feed.page(1, count)).data,
				output: async (clicks) => clicks.map((click) => clickOutput(click, link)),
			});
		}),
		sample: clickSample,
		outputFields: clickOutputFields,
	},
};
