/**
 * Breakdowns and timeseries of a link's clicks. Linkkit's API returns raw click events only (no aggregates), so the
 * connectors compute these from the events; every output says it was computed (`computed: true`).
 */

import type { Schemas } from './common';

export type Click = Schemas['Click'];
/** A click as the per-link list and the CSV export both give it (the export has no id). */
export type ClickRecord = Omit<Click, 'id'> & { id?: string };

/** Linkkit's own field names; `referer` is spelled as in the API. */
export const clickDimensions = ['country', 'city', 'device', 'browser', 'os', 'referer'] as const;
export type ClickDimension = (typeof clickDimensions)[number];

export const intervals = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof intervals)[number];

export interface BreakdownRow {
	/** The dimension's value; `(unknown)` where Linkkit recorded none. */
	value: string;
	clicks: number;
	/** Share of all clicks in the period, 0..1, rounded to 4 places. */
	share: number;
}

export const UNKNOWN_VALUE = '(unknown)';

export function breakdownOf(clicks: readonly ClickRecord[], dimension: ClickDimension): BreakdownRow[] {
	const counts = new Map<string, number>();
	for (const click of clicks) {
		const raw = click[dimension];
		const value = raw === null || raw === undefined || raw === '' ? UNKNOWN_VALUE : String(raw);
		counts.set(value, (counts.get(value) ?? 0) + 1);
	}
	const total = clicks.length;
	return [...counts.entries()]
		.map(([value, count]) => ({ value, clicks: count, share: total ? Math.round((count / total) * 10_000) / 10_000 : 0 }))
		.sort((a, b) => b.clicks - a.clicks || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The UTC start of the period `ms` falls in (weeks start on Monday, ISO 8601). */
export function periodStart(ms: number, interval: Interval): number {
	const d = new Date(ms);
	switch (interval) {
		case 'hour':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
		case 'day':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
		case 'week': {
			const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
			return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
		}
		case 'month':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
	}
}

function nextPeriod(start: number, interval: Interval): number {
	const d = new Date(start);
	switch (interval) {
		case 'hour':
			return start + 3_600_000;
		case 'day':
			return start + 86_400_000;
		case 'week':
			return start + 7 * 86_400_000;
		case 'month':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
	}
}

export interface TimeseriesRow {
	/** The period's UTC start. */
	period: string;
	clicks: number;
}

/** At most this many periods (an hourly series over a year would be 8 760 rows). */
export const MAX_PERIODS = 2_000;

/**
 * Clicks per period, oldest first, with empty periods included from `from` (or the first click) to `to` (or the
 * last click), so a chart or a sheet gets one row per period.
 */
export function timeseriesOf(clicks: readonly ClickRecord[], interval: Interval, range: { from?: string; to?: string } = {}): TimeseriesRow[] {
	const counts = new Map<number, number>();
	let first = Infinity;
	let last = -Infinity;
	for (const click of clicks) {
		const at = Date.parse(click.clicked_at ?? '');
		if (Number.isNaN(at)) continue;
		const start = periodStart(at, interval);
		counts.set(start, (counts.get(start) ?? 0) + 1);
		first = Math.min(first, start);
		last = Math.max(last, start);
	}
	const from = range.from ? periodStart(Date.parse(range.from), interval) : first;
	const to = range.to ? periodStart(Date.parse(range.to), interval) : last;
	if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
	const rows: TimeseriesRow[] = [];
	for (let start = from; start <= to && rows.length < MAX_PERIODS; start = nextPeriod(start, interval)) {
		rows.push({ period: new Date(start).toISOString(), clicks: counts.get(start) ?? 0 });
	}
	return rows;
}
