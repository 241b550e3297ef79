import { campaignField } from '../fields/dropdowns';
import { optionalText } from '../inputs';
import { linkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';
import { pollSize } from './poll-size';

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
		// Linkkit lists newest first, so the first page holds every link created since the last poll.
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const filters = { campaignId: optionalText(bundle.inputData.campaignId), tag: optionalText(bundle.inputData.tag) };
			const page = await client.links.listPage(filters, { limit: pollSize(bundle) });
			return page.data;
		}),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
