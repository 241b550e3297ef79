/**
 * Create Segment, Create Campaign Setting and Create Tag. Linkkit creates these with a POST that has no safe repeat;
 * the core looks for what an attempt with a lost answer made before sending again (core/resources/reconcile.ts).
 */
import { UTM_PARAMETERS } from '../../../core';
import { colorField, nameField, utmFields } from '../fields/workspace';
import { given } from '../inputs';
import { campaignSettingOutputFields, segmentOutputFields, tagOutputFields } from '../output-fields/workspace';
import { campaignSettingOutput, segmentOutput, tagOutput } from '../outputs/workspace';
import { linkkitPerform } from '../perform';
import { campaignSettingSample, segmentSample, tagSample } from '../samples/workspace';

const segmentFields = [nameField('segment', 'Spring campaign'), colorField('segment')];

export const createSegment = {
	key: 'create_segment',
	noun: 'Segment',
	display: { label: 'Create Segment', description: 'Creates a segment to group short links in.' },
	operation: {
		inputFields: segmentFields,
		perform: linkkitPerform(segmentFields, async (client, bundle) => segmentOutput(await client.segments.create(given(bundle.inputData, ['name', 'color'])))),
		sample: segmentSample,
		outputFields: segmentOutputFields,
	},
};

const settingFields = [nameField('campaign setting', 'Spring newsletter'), ...utmFields];

export const createCampaignSetting = {
	key: 'create_campaign_setting',
	noun: 'Campaign Setting',
	display: { label: 'Create Campaign Setting', description: 'Creates a campaign setting: a named set of UTM values for links.' },
	operation: {
		inputFields: settingFields,
		perform: linkkitPerform(settingFields, async (client, bundle) =>
			campaignSettingOutput(await client.campaignSettings.create(given(bundle.inputData, ['name', ...UTM_PARAMETERS]))),
		),
		sample: campaignSettingSample,
		outputFields: campaignSettingOutputFields,
	},
};

const tagFields = [nameField('tag', 'newsletter'), colorField('tag')];

export const createTag = {
	key: 'create_tag',
	noun: 'Tag',
	display: { label: 'Create Tag', description: 'Creates a tag in your workspace.' },
	operation: {
		inputFields: tagFields,
		perform: linkkitPerform(tagFields, async (client, bundle) => tagOutput(await client.tags.create(given(bundle.inputData, ['name', 'color'])))),
		sample: tagSample,
		outputFields: tagOutputFields,
	},
};
