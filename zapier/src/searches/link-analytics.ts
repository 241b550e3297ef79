import { validateId } from '../../../core';
import { analyticsRangeFields, analyticsRangeLabels } from '../fields/analytics';
import { linkField } from '../fields/dropdowns';
import { linkAnalyticsOutputFields } from '../output-fields/analytics';
import { linkkitPerform } from '../perform';
import { linkAnalyticsSample } from '../samples/derived';
import { rangeScope } from './analytics-scope';

const scopeField = linkField({ helpText: 'The link to count clicks for.' });
const inputFields = [scopeField, ...analyticsRangeFields];
const labels = [scopeField, ...analyticsRangeLabels];

export const linkAnalytics = {
	key: 'link_analytics',
	noun: 'Link Analytics',
	display: {
		label: 'Get Link Analytics',
		description: 'Gets the clicks and unique visitors of a link over a date range, optionally for one segment.',
	},
	operation: {
		inputFields,
		// An empty ID must not widen the report to the whole account, so it is checked here, before the core sees it.
		perform: linkkitPerform(labels, async (client, bundle) => {
			const scope = { ...rangeScope(bundle.inputData), linkId: validateId('linkId', bundle.inputData.linkId, 'link') };
			const summary = await client.analytics.summary(scope);
			return [{ id: `${scope.linkId}:${summary.from}:${summary.to}`, linkId: scope.linkId, segmentId: scope.segmentId ?? null, ...summary }];
		}),
		sample: linkAnalyticsSample,
		outputFields: linkAnalyticsOutputFields,
	},
};
