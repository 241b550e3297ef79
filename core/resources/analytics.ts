/**
 * Analytics: the workspace's totals (Linkkit's summary), a link's click events, and breakdowns and timeseries the
 * connectors compute from those events (click-stats.ts).
 *
 * All of a link's clicks are read the cheaper way: one page when it holds them all, else one request for Linkkit's
 * CSV export of them (the API key goes in the usual header, never in the URL's `api_key`), instead of a page per 100.
 */

import type { LinkkitHttp } from '../http';
import { paginate, type Paged, type PaginateOptions } from '../pagination';
import { resolveDateRange, type DateRange, type DateRangeInput } from '../date-range';
import { parseCsv } from '../csv';
import { inputError } from '../errors';
import { shortCodeFrom } from '../short-url';
import { breakdownOf, clickDimensions, intervals, timeseriesOf, type BreakdownRow, type Click, type ClickDimension, type ClickRecord, type Interval, type TimeseriesRow } from './click-stats';

export interface Summary {
	total_links?: number;
	total_clicks?: number;
}

const PAGE = 100;

/** The CSV export's columns (docs/openapi.yaml) → the click fields. */
const CSV_COLUMNS: Record<string, keyof ClickRecord> = {
	'Clicked At': 'clicked_at',
	Country: 'country',
	City: 'city',
	Device: 'device',
	Browser: 'browser',
	OS: 'os',
	Referer: 'referer',
};

function clickFromCsvRow(row: Record<string, string>): ClickRecord {
	const click: Record<string, string | null> = {};
	for (const [column, field] of Object.entries(CSV_COLUMNS)) click[field] = row[column] === undefined || row[column] === '' ? null : row[column];
	return click as unknown as ClickRecord;
}

export function analyticsApi(http: LinkkitHttp, now: () => number) {
	const range = (input: DateRangeInput = {}): DateRange => resolveDateRange(input, now());
	const clickPage = (code: string, period: DateRange, page: number, limit: number) =>
		http.call<Paged<Click>>('listLinkClicks', { pathParams: { shortCode: code }, query: { ...period, page, limit }, action: 'read analytics' });

	/** Every click of the link in the period, in the fewest requests (see the file comment). */
	const allClicks = async (link: string, input: DateRangeInput = {}): Promise<{ clicks: ClickRecord[]; requests: number; period: DateRange }> => {
		const code = shortCodeFrom('link', link);
		const period = range(input);
		const first = await clickPage(code, period, 1, PAGE);
		const total = first.meta?.total ?? first.data.length;
		if (first.data.length >= total) return { clicks: first.data, requests: 1, period };
		const csv = await http.call<string>('exportClicksCsv', { query: { short_code: code, ...period }, expect: 'text', action: 'read analytics' });
		return { clicks: parseCsv(csv).map(clickFromCsvRow), requests: 2, period };
	};

	return {
		/** Links created and clicks made in the period (the whole workspace). */
		async summary(input: DateRangeInput = {}): Promise<Summary & DateRange> {
			const period = range(input);
			return { ...(await http.call<Summary>('getAnalyticsSummary', { query: { ...period }, action: 'read analytics' })), ...period };
		},
		/** A link's click events, newest first. */
		clicks(link: string, input: DateRangeInput = {}, options: PaginateOptions = {}): AsyncGenerator<Click> {
			const code = shortCodeFrom('link', link);
			const period = range(input);
			return paginate<Click>((page, limit) => clickPage(code, period, page, limit), options);
		},
		allClicks,
		/** Clicks of a link grouped by one of its click fields, most first (computed from the click events). */
		async breakdown(link: string, dimension: ClickDimension, input: DateRangeInput = {}): Promise<{ rows: BreakdownRow[]; total: number; period: DateRange }> {
			if (!clickDimensions.includes(dimension)) throw inputError('dimension', `"${String(dimension)}" is not one of ${clickDimensions.join(', ')}`);
			const { clicks, period } = await allClicks(link, input);
			return { rows: breakdownOf(clicks, dimension), total: clicks.length, period };
		},
		/** Clicks of a link per hour, day, week or month, oldest first, empty periods included (computed). */
		async timeseries(link: string, interval: Interval, input: DateRangeInput = {}): Promise<{ rows: TimeseriesRow[]; total: number; period: DateRange }> {
			if (!intervals.includes(interval)) throw inputError('interval', `"${String(interval)}" is not one of ${intervals.join(', ')}`);
			const { clicks, period } = await allClicks(link, input);
			return { rows: timeseriesOf(clicks, interval, period), total: clicks.length, period };
		},
	};
}
