import { campaignOutputFields } from '../output-fields/campaign';
import { linkkitPerform } from '../perform';
import { campaignSample } from '../samples/campaign';
import { newestForPoll } from './poll';

export const newCampaign = {
	key: 'new_campaign',
	noun: 'Campaign',
	display: {
		label: 'New Campaign',
		description: 'Triggers when a new campaign is created in Linkkit.',
	},
	operation: {
		type: 'polling' as const,
		perform: linkkitPerform([], async (client, bundle) => newestForPoll(bundle, (options) => client.campaigns.iterate({}, options))),
		sample: campaignSample,
		outputFields: campaignOutputFields,
	},
};
