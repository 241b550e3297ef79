/** Analytics and click events: scope (link, campaign or account), segment filter and date range. */

import type { components } from '../generated/openapi';
import type { LinkkitHttp, QueryValue } from '../http';
import { inputError } from '../errors';
import { paginate, type Page, type PaginateOptions } from '../pagination';
import { isBlank, validateCountryCode, validateId, validateIsoDate } from '../validation';

type Schemas = components['schemas'];
export type AnalyticsSummary = Schemas['AnalyticsSummary'];
export type AnalyticsTimeseries = Schemas['AnalyticsTimeseries'];
export type AnalyticsBreakdown = Schemas['AnalyticsBreakdown'];
export type Click = Schemas['Click'];
export type Interval = Schemas['Interval'];
export type Dimension = Schemas['Dimension'];
export type Device = Schemas['Device'];

export const intervals: ReadonlyArray<Interval> = ['hour', 'day', 'week', 'month'];
export const dimensions: ReadonlyArray<Dimension> = ['country', 'city', 'device', 'os', 'browser', 'referrer', 'link'];
export const devices: ReadonlyArray<Device> = ['desktop', 'mobile', 'tablet', 'bot', 'other'];

/** Date-range choices offered to people; `custom` uses from/to. */
export const datePresets = ['today', 'yesterday', 'last7Days', 'last30Days', 'last90Days', 'thisMonth', 'lastMonth', 'custom'] as const;
export type DatePreset = (typeof datePresets)[number];

export interface AnalyticsScope {
	linkId?: string;
	campaignId?: string;
	segmentId?: string;
	/** A preset, or `custom` with from/to. Default: Linkkit's default (last 30 days). */
	preset?: DatePreset;
	from?: string | Date;
	to?: string | Date;
}

const DAY = 86_400_000;

function startOfUtcDay(ms: number): number {
	const d = new Date(ms);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** Turns a preset into an explicit UTC period, so every platform means the same thing by "last 7 days". */
export function resolveDateRange(preset: DatePreset, now: number): { from: string; to: string } {
	const today = startOfUtcDay(now);
	const iso = (ms: number) => new Date(ms).toISOString();
	const d = new Date(now);
	switch (preset) {
		case 'today':
			return { from: iso(today), to: iso(now) };
		case 'yesterday':
			return { from: iso(today - DAY), to: iso(today) };
		case 'last7Days':
			return { from: iso(now - 7 * DAY), to: iso(now) };
		case 'last30Days':
			return { from: iso(now - 30 * DAY), to: iso(now) };
		case 'last90Days':
			return { from: iso(now - 90 * DAY), to: iso(now) };
		case 'thisMonth':
			return { from: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)), to: iso(now) };
		case 'lastMonth':
			return {
				from: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)),
				to: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)),
			};
		default:
			throw inputError('dateRange', `"${String(preset)}" is not one of ${datePresets.join(', ')}`);
	}
}

export function analyticsQuery(scope: AnalyticsScope, now: number = Date.now()): Record<string, QueryValue> {
	const query: Record<string, QueryValue> = {};
	if (!isBlank(scope.linkId) && !isBlank(scope.campaignId)) {
		throw inputError('campaignId', 'give a link or a campaign, not both (neither means the whole account)');
	}
	if (!isBlank(scope.linkId)) query.linkId = validateId('linkId', scope.linkId, 'link');
	if (!isBlank(scope.campaignId)) query.campaignId = validateId('campaignId', scope.campaignId, 'campaign');
	if (!isBlank(scope.segmentId)) query.segmentId = validateId('segmentId', scope.segmentId, 'segment');
	if (scope.preset && scope.preset !== 'custom') {
		// A preset with dates filled in as well would silently ignore the dates: say so instead.
		if (!isBlank(scope.from) || !isBlank(scope.to)) {
			throw inputError(isBlank(scope.from) ? 'to' : 'from', 'is used only with the Custom date range — choose Custom, or clear From and To');
		}
		Object.assign(query, resolveDateRange(scope.preset, now));
	} else {
		if (scope.preset === 'custom' && isBlank(scope.from)) throw inputError('from', 'is required for a Custom date range');
		if (!isBlank(scope.from)) query.from = validateIsoDate('from', scope.from);
		if (!isBlank(scope.to)) query.to = validateIsoDate('to', scope.to);
	}
	if (typeof query.from === 'string' && typeof query.to === 'string' && Date.parse(query.to) <= Date.parse(query.from)) {
		throw inputError('to', 'must be after From');
	}
	return query;
}

export interface ClickFilters extends AnalyticsScope {
	country?: string;
	device?: Device;
	/** `-timestamp` (newest first, Linkkit's default) or `timestamp` (oldest first). */
	sort?: ClickSort;
}

export type ClickSort = 'timestamp' | '-timestamp';

function clickQuery(filters: ClickFilters, now: number) {
	const query = analyticsQuery(filters, now);
	if (!isBlank(filters.country)) query.country = validateCountryCode('country', filters.country);
	if (!isBlank(filters.device)) {
		if (!devices.includes(filters.device)) throw inputError('device', `"${filters.device}" is not one of ${devices.join(', ')}`);
		query.device = filters.device;
	}
	if (!isBlank(filters.sort)) {
		if (filters.sort !== 'timestamp' && filters.sort !== '-timestamp') throw inputError('sort', `"${String(filters.sort)}" is not timestamp or -timestamp`);
		query.sort = filters.sort;
	}
	return query;
}

export function analyticsApi(http: LinkkitHttp, now: () => number) {
	return {
		summary(scope: AnalyticsScope = {}) {
			return http.call<AnalyticsSummary>('getAnalyticsSummary', { query: analyticsQuery(scope, now()), action: 'read analytics' });
		},
		timeseries(scope: AnalyticsScope & { interval?: Interval } = {}) {
			const query = analyticsQuery(scope, now());
			if (!isBlank(scope.interval)) {
				if (!intervals.includes(scope.interval)) throw inputError('interval', `"${scope.interval}" is not one of ${intervals.join(', ')}`);
				query.interval = scope.interval;
			}
			return http.call<AnalyticsTimeseries>('getAnalyticsTimeseries', { query, action: 'read analytics' });
		},
		breakdown(scope: AnalyticsScope & { dimension: Dimension; limit?: number }) {
			if (!dimensions.includes(scope.dimension)) {
				throw inputError('dimension', `"${String(scope.dimension)}" is not one of ${dimensions.join(', ')}`);
			}
			const query: Record<string, QueryValue> = { ...analyticsQuery(scope, now()), dimension: scope.dimension };
			if (scope.limit !== undefined) {
				if (!Number.isInteger(scope.limit) || scope.limit < 1 || scope.limit > 100) throw inputError('limit', 'must be a whole number from 1 to 100');
				query.limit = scope.limit;
			}
			return http.call<AnalyticsBreakdown>('getAnalyticsBreakdown', { query, action: 'read analytics' });
		},
		clicksPage(filters: ClickFilters = {}, page: { cursor?: string; limit?: number } = {}) {
			return http.call<Page<Click>>('listClicks', { query: { ...clickQuery(filters, now()), ...page }, action: 'read analytics' });
		},
		clicks(filters: ClickFilters = {}, options: PaginateOptions = {}) {
			const query = clickQuery(filters, now());
			return paginate<Click>(
				(cursor, limit) => http.call<Page<Click>>('listClicks', { query: { ...query, cursor, limit }, action: 'read analytics' }),
				options,
			);
		},
	};
}
