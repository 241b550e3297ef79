import { conversionOutputFields } from '../output-fields/events';
import { conversionOutput } from '../outputs/conversion';
import { conversionsOf, conversionType } from '../polling/link-feeds';
import { readForPoll } from '../polling/paged-read';
import { pollFeed } from '../polling/poll';
import { linkkitPerform } from '../perform';
import { conversionSample } from '../samples/events';

export const conversionTypeField = {
	key: 'type',
	label: 'Type',
	required: false,
	choices: [
		{ value: 'lead', label: 'Lead', sample: 'lead' },
		{ value: 'sale', label: 'Sale', sample: 'sale' },
	],
	helpText: 'Only leads or only sales. Leave empty for both.',
};

const inputFields = [conversionTypeField];

export const newConversion = {
	key: 'new_conversion',
	noun: 'Conversion',
	display: {
		label: 'New Conversion',
		description: 'Triggers when a lead or a sale is recorded.',
	},
	operation: {
		type: 'polling' as const,
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle, z) => {
			const type = conversionType(bundle.inputData.type);
			const feed = conversionsOf(client, type);
			return await pollFeed(z, bundle, client, {
				trigger: 'new_conversion',
				stamp: feed.stamp,
				read: (position) => readForPoll(feed, position),
				newest: async (count) => (await feed.page(1, count)).data,
				output: async (conversions) => conversions.map(conversionOutput),
			});
		}),
		sample: conversionSample,
		outputFields: conversionOutputFields,
	},
};
