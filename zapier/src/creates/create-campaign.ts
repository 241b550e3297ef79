import { campaignWriteFields } from '../fields/campaigns';
import { createOncePerRun, rerunNote } from '../idempotency';
import { campaignInput } from '../inputs';
import { campaignOutputFields } from '../output-fields/campaign';
import { linkkitPerform } from '../perform';
import { campaignSample } from '../samples/campaign';

const inputFields = campaignWriteFields('create');

export const createCampaign = {
	key: 'create_campaign',
	noun: 'Campaign',
	display: {
		label: 'Create Campaign',
		description: `Creates a campaign whose UTM values and domain its new links take over. ${rerunNote('campaign')}`,
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle, z) =>
			createOncePerRun(z, bundle, 'create_campaign', (idempotencyKey) => client.campaigns.create(campaignInput(bundle.inputData), { idempotencyKey })),
		),
		sample: campaignSample,
		outputFields: campaignOutputFields,
	},
};
