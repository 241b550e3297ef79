import { campaignField } from '../fields/dropdowns';
import { campaignWriteFields } from '../fields/campaigns';
import { campaignInput, optionalText, withoutBlanks } from '../inputs';
import { campaignOutputFields } from '../output-fields/campaign';
import { linkkitPerform } from '../perform';
import { campaignSample } from '../samples/campaign';

const inputFields = [campaignField({ helpText: 'The campaign to change.' }), ...campaignWriteFields('update')];

export const updateCampaign = {
	key: 'update_campaign',
	noun: 'Campaign',
	display: {
		label: 'Update Campaign',
		description: 'Changes an existing campaign: only the fields you fill in change.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) =>
			client.campaigns.update(optionalText(bundle.inputData.campaignId) ?? '', withoutBlanks(campaignInput(bundle.inputData))),
		),
		sample: campaignSample,
		outputFields: campaignOutputFields,
	},
};
