/** The date range and segment the analytics searches share, read from the fields in fields/analytics.ts. */
import type { AnalyticsScope, DatePreset } from '../../../core';
import { optionalText } from '../inputs';

export function rangeScope(data: Record<string, unknown>): AnalyticsScope {
	return {
		segmentId: optionalText(data.segmentId),
		preset: (optionalText(data.dateRange) ?? 'last30Days') as DatePreset,
		from: optionalText(data.from),
		to: optionalText(data.to),
	};
}
