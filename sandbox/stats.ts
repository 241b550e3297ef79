/**
 * The sandbox's own record of the API traffic it served (/v1, /feeds, /track), so benchmarks and soaks count from the server's side
 * (what arrived, what the limiter refused, what was dropped) instead of trusting the client under test.
 * Read and cleared through GET/POST /__sandbox/stats (routes/admin.ts).
 */
import type { RequestHandler } from 'express';

export interface RequestRecord {
	method: string;
	/** Path and query, as sent, with an `api_key` value masked (keys are never kept). */
	url: string;
	/** HTTP status sent, or 0 when the connection closed without an answer (an injected drop). */
	status: number;
	/** Epoch ms when the request arrived and when the answer was sent (or the connection closed). */
	startMs: number;
	endMs: number;
	/** Whether the rate limiter let it through (took a token); false for the limiter's own 429s. */
	tokenTaken: boolean;
}

export interface StatsSummary {
	requests: number;
	/** Counts by status, `"0"` meaning no answer. */
	byStatus: Record<string, number>;
	/** Counts by `METHOD /path` (query left out). */
	byRoute: Record<string, number>;
	/** Requests that took a token: what the rate limit was spent on. */
	tokensTaken: number;
	/** 429s the rate limiter gave (injected 429s are counted in byStatus only). */
	limiterRefusals: number;
	firstStartMs?: number;
	lastEndMs?: number;
}

/** More than any benchmark sends between two resets; beyond it only the summary keeps counting. */
const MAX_RECORDS = 500_000;

export class RequestStats {
	private records: RequestRecord[] = [];
	private summary = RequestStats.empty();

	private static empty(): StatsSummary {
		return { requests: 0, byStatus: {}, byRoute: {}, tokensTaken: 0, limiterRefusals: 0 };
	}

	clear(): void {
		this.records = [];
		this.summary = RequestStats.empty();
	}

	add(record: RequestRecord): void {
		if (this.records.length < MAX_RECORDS) this.records.push(record);
		const s = this.summary;
		s.requests++;
		s.byStatus[record.status] = (s.byStatus[record.status] ?? 0) + 1;
		const route = `${record.method} ${record.url.split('?')[0]}`;
		s.byRoute[route] = (s.byRoute[route] ?? 0) + 1;
		if (record.tokenTaken) s.tokensTaken++;
		else if (record.status === 429) s.limiterRefusals++;
		s.firstStartMs = Math.min(s.firstStartMs ?? record.startMs, record.startMs);
		s.lastEndMs = Math.max(s.lastEndMs ?? record.endMs, record.endMs);
	}

	current(): StatsSummary {
		return structuredClone(this.summary);
	}

	list(): RequestRecord[] {
		return [...this.records];
	}
}

/** Marks the request as having taken a token; the rate-limit middleware calls it. */
export function markTokenTaken(locals: Record<string, unknown>): void {
	locals.tokenTaken = true;
}

/** `?api_key=lk_…` → `?api_key=***`: URLs are recorded and logged, keys never are. */
export function maskApiKey(url: string): string {
	return url.replace(/([?&]api_key=)[^&#]*/gi, '$1***');
}

/** Records every API request once it is answered or its connection closes unanswered. */
export function statsMiddleware(stats: RequestStats, nowMs: () => number = () => Date.now()): RequestHandler {
	return (req, res, next) => {
		const startMs = nowMs();
		let recorded = false;
		const record = (status: number) => {
			if (recorded) return;
			recorded = true;
			stats.add({
				method: req.method,
				url: maskApiKey(req.originalUrl),
				status,
				startMs,
				endMs: nowMs(),
				tokenTaken: res.locals.tokenTaken === true,
			});
		};
		res.on('finish', () => record(res.statusCode));
		res.on('close', () => record(res.writableFinished ? res.statusCode : 0));
		next();
	};
}
