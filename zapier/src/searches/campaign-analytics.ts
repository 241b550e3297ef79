import { validateId } from '../../../core';
import { analyticsRangeFields, analyticsRangeLabels } from '../fields/analytics';
import { campaignField } from '../fields/dropdowns';
import { campaignAnalyticsOutputFields } from '../output-fields/analytics';
import { linkkitPerform } from '../perform';
import { campaignAnalyticsSample } from '../samples/derived';
import { rangeScope } from './analytics-scope';

const scopeField = campaignField({ helpText: 'The campaign to count clicks for, over all its links.' });
const inputFields = [scopeField, ...analyticsRangeFields];
const labels = [scopeField, ...analyticsRangeLabels];

export const campaignAnalytics = {
	key: 'campaign_analytics',
	noun: 'Campaign Analytics',
	display: {
		label: 'Get Campaign Analytics',
		description: 'Gets the clicks and unique visitors of all links in a campaign over a date range, optionally for one segment.',
	},
	operation: {
		inputFields,
		// An empty ID must not widen the report to the whole account, so it is checked here, before the core sees it.
		perform: linkkitPerform(labels, async (client, bundle) => {
			const scope = { ...rangeScope(bundle.inputData), campaignId: validateId('campaignId', bundle.inputData.campaignId, 'campaign') };
			const summary = await client.analytics.summary(scope);
			return [{ id: `${scope.campaignId}:${summary.from}:${summary.to}`, campaignId: scope.campaignId, segmentId: scope.segmentId ?? null, ...summary }];
		}),
		sample: campaignAnalyticsSample,
		outputFields: campaignAnalyticsOutputFields,
	},
};
