import { campaignField } from '../fields/dropdowns';
import { optionalText } from '../inputs';
import { linkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';
import { newestForPoll } from './poll';

const inputFields = [
	campaignField({ required: false, helpText: 'Only links in this campaign. Leave empty for links in any campaign or none.' }),
	{ key: 'tag', label: 'Tag', required: false, helpText: 'Only links with this tag, e.g. newsletter.' },
];

export const newLink = {
	key: 'new_link',
	noun: 'Link',
	display: {
		label: 'New Link',
		description: 'Triggers when a new short link is created in Linkkit.',
	},
	operation: {
		type: 'polling' as const,
		inputFields,
		// Linkkit lists newest first; the poll pages back far enough to hold every link created since the last one.
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const filters = { campaignId: optionalText(bundle.inputData.campaignId), tag: optionalText(bundle.inputData.tag) };
			return newestForPoll(bundle, (options) => client.links.iterate(filters, options));
		}),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
