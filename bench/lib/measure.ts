/**
 * A variant's figures, from the sandbox's own records (what arrived, what the limiter refused, what was created per
 * item) and from the execution n8n saved (how long the node under test ran).
 *
 * Two ratios to the limit, both = the time the limit itself allows for the requests it let through (the burst at
 * once, then `rate` a second) ÷ a measured time:
 *  - `ratioWindow`: ÷ the request window, from the first request's arrival to the last answer;
 *  - `ratioNode`: ÷ the node's execution time as n8n records it (what the user waits for: reading the items,
 *    checking them, pacing, retries, the output), so anything the node does outside the window counts against it.
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
	/** First arrival to last answer. */
	wallSeconds: number;
	/** The node's execution time as n8n recorded it (undefined when the execution could not be read). */
	nodeSeconds?: number;
	/** Items created (at least once) per second of the request window. */
	itemsPerSecond: number;
	allowedSeconds: number;
	ratioToLimit: number;
	ratioNode?: number;
	status429: number;
	share429: number;
	/** Answered 5xx or not at all: injected faults, mostly. */
	faulted: number;
	/** Items with no link in the sandbox. */
	failed: number;
	/** Items with no link that the workflow's output did not report as failed (error item, row not created). */
	lost: number;
	/** Items the output reported as failed (error items, Create Many rows not created). */
	reported?: number;
	/** Links beyond the first for an item. */
	duplicates: number;
	byStatus: Record<string, number>;
}

export const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The time a token bucket allows for `tokens` requests: the burst at once, then `rate` a second. */
export function allowedSeconds(tokens: number, limit: LimitSettings): number {
	return Math.max(0, tokens - limit.burst) / limit.rate;
}

export function measure(
	stats: SandboxStats,
	tag: string,
	items: number,
	limit: LimitSettings,
	node: { seconds?: number; reportedItems?: number[] } = {},
): Measured {
	const reported = node.reportedItems === undefined ? undefined : new Set(node.reportedItems);
	const perDestination = stats.linksByDestination ?? {};
	let failed = 0;
	let lost = 0;
	let duplicates = 0;
	for (let i = 0; i < items; i++) {
		const count = perDestination[destinationOf(tag, i)] ?? 0;
		if (count === 0) {
			failed++;
			if (!reported?.has(i)) lost++;
		} else duplicates += count - 1;
	}
	const wallSeconds = stats.firstStartMs === undefined || stats.lastEndMs === undefined ? 0 : (stats.lastEndMs - stats.firstStartMs) / 1000;
	const allowed = allowedSeconds(stats.tokensTaken, limit);
	const statuses = stats.byStatus;
	const faulted = Object.entries(statuses)
		.filter(([status]) => status === '0' || Number(status) >= 500)
		.reduce((sum, [, count]) => sum + count, 0);
	const status429 = statuses['429'] ?? 0;
	return {
		items,
		requests: stats.requests,
		tokens: stats.tokensTaken,
		wallSeconds: round(wallSeconds),
		...(node.seconds !== undefined ? { nodeSeconds: round(node.seconds) } : {}),
		itemsPerSecond: wallSeconds > 0 ? round((items - failed) / wallSeconds, 2) : 0,
		allowedSeconds: round(allowed),
		ratioToLimit: wallSeconds > 0 ? round(allowed / wallSeconds) : 0,
		...(node.seconds ? { ratioNode: round(allowed / node.seconds) } : {}),
		status429,
		share429: stats.requests ? round(status429 / stats.requests, 4) : 0,
		faulted,
		failed,
		// Without a per-item output (the workflow failed as a whole) nothing was reported item by item.
		lost,
		...(reported ? { reported: reported.size } : {}),
		duplicates,
		byStatus: statuses,
	};
}

/** The middle value (the lower middle of an even count), so one noisy round does not move it. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}
