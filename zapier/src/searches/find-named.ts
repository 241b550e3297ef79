/** Find Segment and Find Campaign Setting: by name, ignoring case and surrounding spaces (Linkkit returns them whole). */
import { validateRequiredText } from '../../../core';
import { campaignSettingOutputFields, segmentOutputFields } from '../output-fields/workspace';
import { campaignSettingOutput, segmentOutput } from '../outputs/workspace';
import { linkkitPerform } from '../perform';
import { campaignSettingSample, segmentSample } from '../samples/workspace';

const byName = (wanted: string) => (item: { name?: string }) => (item.name ?? '').trim().toLowerCase() === wanted.toLowerCase();

const nameInput = (noun: string, example: string) => [
	{ key: 'name', label: 'Name', required: true, helpText: `The ${noun}'s name, e.g. ${example}. Upper and lower case do not matter.` },
];

const segmentFields = nameInput('segment', 'Spring campaign');

export const findSegment = {
	key: 'find_segment',
	noun: 'Segment',
	display: { label: 'Find Segment', description: 'Finds a segment by its name.' },
	operation: {
		inputFields: segmentFields,
		perform: linkkitPerform(segmentFields, async (client, bundle) => {
			const name = validateRequiredText('name', bundle.inputData.name, 200);
			return (await client.segments.list()).filter(byName(name)).slice(0, 1).map(segmentOutput);
		}),
		sample: segmentSample,
		outputFields: segmentOutputFields,
	},
};

const settingFields = nameInput('campaign setting', 'Spring newsletter');

export const findCampaignSetting = {
	key: 'find_campaign_setting',
	noun: 'Campaign Setting',
	display: { label: 'Find Campaign Setting', description: 'Finds a campaign setting (a set of UTM values) by its name.' },
	operation: {
		inputFields: settingFields,
		perform: linkkitPerform(settingFields, async (client, bundle) => {
			const name = validateRequiredText('name', bundle.inputData.name, 200);
			return (await client.campaignSettings.list()).filter(byName(name)).slice(0, 1).map(campaignSettingOutput);
		}),
		sample: campaignSettingSample,
		outputFields: campaignSettingOutputFields,
	},
};
