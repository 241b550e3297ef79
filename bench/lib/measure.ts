/**
 * A variant's figures, all from the sandbox's own records: what arrived, what the limiter refused, what was
 * created per item. `ratioToLimit` = the time the limit itself allows for the requests that were let through
 * (the burst at once, then `rate` a second) ÷ the time from the first request's arrival to the last answer.
 */
import type { SandboxStats } from './sandbox-process';
import { destinationOf } from './workflows';

export interface LimitSettings {
	rate: number;
	burst: number;
}

export interface Measured {
	items: number;
	/** Every /v1 request that arrived, whatever its answer. */
	requests: number;
	/** Requests the rate limit let through (they spent a token): what the limit allows time for. */
	tokens: number;
	wallSeconds: number;
	/** Items created (at least once) per wall-clock second. */
	itemsPerSecond: number;
	allowedSeconds: number;
	ratioToLimit: number;
	status429: number;
	/** Answered 5xx or not at all: injected faults, mostly. */
	faulted: number;
	/** Items with no link. */
	failed: number;
	/** Links beyond the first for an item. */
	duplicates: number;
	byStatus: Record<string, number>;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The time a token bucket allows for `tokens` requests: the burst at once, then `rate` a second. */
export function allowedSeconds(tokens: number, limit: LimitSettings): number {
	return Math.max(0, tokens - limit.burst) / limit.rate;
}

export function measure(stats: SandboxStats, tag: string, items: number, limit: LimitSettings): Measured {
	const perDestination = stats.linksByDestination ?? {};
	let failed = 0;
	let duplicates = 0;
	for (let i = 0; i < items; i++) {
		const count = perDestination[destinationOf(tag, i)] ?? 0;
		if (count === 0) failed++;
		else duplicates += count - 1;
	}
	const wallSeconds = stats.firstStartMs === undefined || stats.lastEndMs === undefined ? 0 : (stats.lastEndMs - stats.firstStartMs) / 1000;
	const allowed = allowedSeconds(stats.tokensTaken, limit);
	const statuses = stats.byStatus;
	const faulted = Object.entries(statuses)
		.filter(([status]) => status === '0' || Number(status) >= 500)
		.reduce((sum, [, count]) => sum + count, 0);
	return {
		items,
		requests: stats.requests,
		tokens: stats.tokensTaken,
		wallSeconds: round(wallSeconds),
		itemsPerSecond: wallSeconds > 0 ? round((items - failed) / wallSeconds, 2) : 0,
		allowedSeconds: round(allowed),
		ratioToLimit: wallSeconds > 0 ? round(allowed / wallSeconds) : 0,
		status429: statuses['429'] ?? 0,
		faulted,
		failed,
		duplicates,
		byStatus: statuses,
	};
}

/** The middle value (the lower middle of an even count), so one noisy round does not move it. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}
