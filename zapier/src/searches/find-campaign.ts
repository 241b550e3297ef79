import { optionalText } from '../inputs';
import { campaignOutputFields } from '../output-fields/campaign';
import { linkkitPerform } from '../perform';
import { campaignSample } from '../samples/campaign';
import { foundOrNone } from './not-found';

const inputFields = [{ key: 'name', label: 'Name', required: true, helpText: 'The exact campaign name (not case-sensitive).' }];

export const findCampaign = {
	key: 'find_campaign',
	noun: 'Campaign',
	display: {
		label: 'Find Campaign',
		description: 'Finds a campaign by its name.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) => foundOrNone(() => client.campaigns.findByName(optionalText(bundle.inputData.name) ?? ''))),
		sample: campaignSample,
		outputFields: campaignOutputFields,
	},
};
