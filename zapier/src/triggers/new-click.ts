import { campaignField, linkField, segmentField } from '../fields/dropdowns';
import { optionalText } from '../inputs';
import { clickOutputFields } from '../output-fields/analytics';
import { linkkitPerform } from '../perform';
import { clickSample } from '../samples/click';
import { newestForPoll } from './poll';

const inputFields = [
	linkField({ required: false, helpText: 'Only clicks on this link. Leave Link and Campaign empty for clicks on any link.' }),
	campaignField({ required: false, helpText: 'Only clicks on links in this campaign. Choose a link or a campaign, not both.' }),
	segmentField({ required: false, helpText: 'Only clicks by visitors in this segment.' }),
];

export const newClick = {
	key: 'new_click',
	noun: 'Click',
	display: {
		label: 'New Click',
		description: 'Triggers when someone clicks a short link.',
	},
	operation: {
		type: 'polling' as const,
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const { linkId, campaignId, segmentId } = bundle.inputData;
			const filters = { linkId: optionalText(linkId), campaignId: optionalText(campaignId), segmentId: optionalText(segmentId) };
			return newestForPoll(bundle, (options) => client.analytics.clicks(filters, options));
		}),
		sample: clickSample,
		outputFields: clickOutputFields,
	},
};
