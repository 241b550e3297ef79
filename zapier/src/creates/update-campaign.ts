import { campaignField } from '../fields/dropdowns';
import { campaignWriteFields } from '../fields/campaigns';
import { campaignClearables, clearFieldsField } from '../fields/clear';
import { campaignInput, optionalText, withClears } from '../inputs';
import { campaignOutputFields } from '../output-fields/campaign';
import { linkkitPerform } from '../perform';
import { campaignSample } from '../samples/campaign';

const inputFields = [campaignField({ helpText: 'The campaign to change.' }), ...campaignWriteFields('update'), clearFieldsField('campaign', campaignClearables)];

export const updateCampaign = {
	key: 'update_campaign',
	noun: 'Campaign',
	display: {
		label: 'Update Campaign',
		description: 'Changes an existing campaign: only the fields you fill in change, and the ones you choose in Clear Fields are emptied.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) =>
			client.campaigns.update(optionalText(bundle.inputData.campaignId) ?? '', withClears(campaignInput(bundle.inputData), bundle.inputData, campaignClearables)),
		),
		sample: campaignSample,
		outputFields: campaignOutputFields,
	},
};
