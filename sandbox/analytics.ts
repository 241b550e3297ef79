/** Click analytics over a filtered set of clicks: totals, time buckets (UTC) and breakdowns. */
import { badRequest } from './errors';
import type { Click, Dimension, Interval, Link, StoredClick } from './types';

export const MAX_BUCKETS = 1000;

export interface Totals {
	clicks: number;
	uniqueVisitors: number;
}

export function totals(clicks: readonly StoredClick[]): Totals {
	return { clicks: clicks.length, uniqueVisitors: new Set(clicks.map((click) => click.visitorId)).size };
}

/** Start of the UTC bucket holding `ms`; weeks start on Monday (ISO 8601). */
export function bucketStart(ms: number, interval: Interval): number {
	const d = new Date(ms);
	switch (interval) {
		case 'hour':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
		case 'day':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
		case 'week': {
			const daysSinceMonday = (d.getUTCDay() + 6) % 7;
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysSinceMonday);
		}
		case 'month':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
	}
}

function nextBucket(start: number, interval: Interval): number {
	const d = new Date(start);
	switch (interval) {
		case 'hour':
			return start + 3_600_000;
		case 'day':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
		case 'week':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 7);
		case 'month':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
	}
}

/** One bucket per interval from the one holding `fromMs` up to `toMs` (exclusive), oldest first, empty ones included. */
export function timeseries(clicks: readonly StoredClick[], fromMs: number, toMs: number, interval: Interval) {
	const starts: number[] = [];
	for (let start = bucketStart(fromMs, interval); start < toMs; start = nextBucket(start, interval)) {
		starts.push(start);
		if (starts.length > MAX_BUCKETS) {
			throw badRequest('interval', `More than ${MAX_BUCKETS} ${interval} buckets; use a longer interval or a shorter period.`);
		}
	}
	const byStart = new Map(starts.map((start) => [start, [] as StoredClick[]]));
	for (const click of clicks) byStart.get(bucketStart(Date.parse(click.timestamp), interval))?.push(click);
	return starts.map((start) => ({ start: new Date(start).toISOString(), ...totals(byStart.get(start) ?? []) }));
}

/** Groups by a dimension (`link` = linkId; a null value groups as `unknown`), most clicks first. */
export function breakdown(clicks: readonly StoredClick[], dimension: Dimension, limit: number) {
	const groups = new Map<string, StoredClick[]>();
	for (const click of clicks) {
		const value = (dimension === 'link' ? click.linkId : click[dimension]) ?? 'unknown';
		const group = groups.get(value);
		if (group) group.push(click);
		else groups.set(value, [click]);
	}
	return [...groups.entries()]
		.map(([value, group]) => ({ value, ...totals(group) }))
		.sort((a, b) => b.clicks - a.clicks || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
		.slice(0, limit);
}

/** The public Click: the stored visitor id stays inside the sandbox. */
/** The public Click, with the short URL and title of its link as the link is now. */
export function presentClick(click: StoredClick, link: Pick<Link, 'shortUrl' | 'title'>): Click {
	const { id, linkId, timestamp, country, city, device, os, browser, referrer, segmentIds } = click;
	return { id, linkId, shortUrl: link.shortUrl, linkTitle: link.title, timestamp, country, city, device, os, browser, referrer, segmentIds };
}
