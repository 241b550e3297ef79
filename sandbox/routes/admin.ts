/**
 * /__sandbox/*: test controls outside the contract. No API key: the server only listens on 127.0.0.1.
 *  POST /__sandbox/faults      { rate?, drop?, html?, commitDrop?, commit500?, stall?, latencyMs?, stallMs?,
 *                                next?: [{ kind, retryAfter?, match? }] } → current config
 *  POST /__sandbox/reset       back to the seeded state, faults and limits cleared
 *  POST /__sandbox/rate-limit  { rate, burst }
 *  GET  /__sandbox/state       counts, fault and rate-limit settings
 *  GET  /__sandbox/stats       the /v1 traffic served since the last clear (stats.ts): counts by status and route,
 *                              tokens taken, limiter refusals, idempotent replays, first arrival and last answer;
 *                              `?requests=1` adds one record per request; `?destinationPrefix=<p>` adds
 *                              `linksByDestination`, how many links the store holds per destination starting with p
 *  POST /__sandbox/stats/clear starts a new count (reset clears it too)
 *  POST /__sandbox/clicks      { linkId, count, spreadMs? } records `count` clicks on the link, evenly spread over
 *                              the last `spreadMs` (default: all now), for bursts bigger than visits could make
 */
import { json, Router } from 'express';
import { badRequest, notFound } from '../errors';
import { newId } from '../ids';
import { FAULT_KINDS, FRACTION_FIELDS, type FaultConfig, type FaultController, type FaultStep } from '../faults';
import type { RateLimiter } from '../ratelimit';
import type { RequestStats } from '../stats';
import type { Store } from '../store';

export interface AdminControls {
	store: Store;
	now: () => number;
	faults: FaultController;
	limiter: RateLimiter;
	stats: RequestStats;
	reset: () => void;
}

type Body = Record<string, unknown>;

function fraction(body: Body, field: string): number | undefined {
	const value = body[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || value < 0 || value > 1) throw badRequest(field, `${field} must be a number from 0 to 1.`);
	return value;
}

function parseFaults(body: Body): Partial<FaultConfig> {
	const update: Partial<FaultConfig> = {};
	for (const field of FRACTION_FIELDS) {
		const value = fraction(body, field);
		if (value !== undefined) update[field] = value;
	}
	for (const field of ['latencyMs', 'stallMs'] as const) {
		const value = body[field];
		if (value === undefined) continue;
		if (typeof value !== 'number' || value < 0) throw badRequest(field, `${field} must be a number ≥ 0.`);
		update[field] = value;
	}
	if (body.next !== undefined) {
		if (!Array.isArray(body.next)) throw badRequest('next', 'next must be an array of { kind, retryAfter? }.');
		update.next = body.next.map((step: unknown, index): FaultStep => {
			const { kind, retryAfter, match } = (step ?? {}) as Body;
			if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
				throw badRequest(`next[${index}].kind`, `kind must be one of ${FAULT_KINDS.join(', ')}.`);
			}
			if (retryAfter !== undefined && (typeof retryAfter !== 'number' || retryAfter < 0)) {
				throw badRequest(`next[${index}].retryAfter`, 'retryAfter must be a number of seconds.');
			}
			if (match !== undefined && (typeof match !== 'string' || !/^(GET|POST|PATCH|DELETE) \/v1\/\S*$/.test(match))) {
				throw badRequest(`next[${index}].match`, 'match must be a method and a /v1 path, e.g. "POST /v1/links/bulk".');
			}
			return {
				kind: kind as FaultStep['kind'],
				...(retryAfter !== undefined ? { retryAfter } : {}),
				...(match !== undefined ? { match: match as string } : {}),
			};
		});
	}
	return update;
}

export function adminRouter(controls: AdminControls): Router {
	const router = Router();
	router.use('/__sandbox', json());

	router.post('/__sandbox/faults', (req, res) => {
		res.json(controls.faults.set(parseFaults((req.body ?? {}) as Body)));
	});

	router.post('/__sandbox/reset', (_req, res) => {
		controls.reset();
		res.json({ ok: true, ...controls.store.counts() });
	});

	router.post('/__sandbox/rate-limit', (req, res) => {
		const { rate, burst } = (req.body ?? {}) as Body;
		if (typeof rate !== 'number' || rate <= 0) throw badRequest('rate', 'rate must be a number of requests per second > 0.');
		if (typeof burst !== 'number' || burst < 1 || !Number.isInteger(burst)) throw badRequest('burst', 'burst must be an integer ≥ 1.');
		controls.limiter.configure({ rate, burst });
		res.json(controls.limiter.current);
	});

	router.post('/__sandbox/clicks', (req, res) => {
		const { linkId, count, spreadMs = 0 } = (req.body ?? {}) as Body;
		if (typeof linkId !== 'string' || !controls.store.links.has(linkId)) throw notFound(`No link ${String(linkId)} in this account.`);
		if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1_000_000) {
			throw badRequest('count', 'count must be a whole number from 1 to 1 000 000.');
		}
		if (typeof spreadMs !== 'number' || spreadMs < 0) throw badRequest('spreadMs', 'spreadMs must be a number ≥ 0.');
		const nowMs = controls.now();
		for (let i = 0; i < count; i++) {
			const at = nowMs - spreadMs + Math.round(((i + 1) * spreadMs) / count);
			controls.store.addClick({
				id: newId('clk'),
				linkId,
				timestamp: new Date(at).toISOString(),
				country: 'DE',
				city: 'Berlin',
				device: 'desktop',
				os: 'Linux',
				browser: 'Firefox',
				referrer: null,
				segmentIds: [],
				visitorId: `burst-${i}`,
			});
		}
		res.json({ ok: true, clicks: controls.store.clicks.length });
	});

	router.get('/__sandbox/state', (_req, res) => {
		res.json({ ...controls.store.counts(), faults: controls.faults.current, rateLimit: controls.limiter.current });
	});

	router.get('/__sandbox/stats', (req, res) => {
		const body: Record<string, unknown> = { ...controls.stats.current(), rateLimit: controls.limiter.current };
		if (req.query.requests === '1' || req.query.requests === 'true') body.records = controls.stats.list();
		const prefix = req.query.destinationPrefix;
		if (typeof prefix === 'string' && prefix !== '') {
			const counts: Record<string, number> = {};
			for (const link of controls.store.links.values()) {
				if (link.destination.startsWith(prefix)) counts[link.destination] = (counts[link.destination] ?? 0) + 1;
			}
			body.linksByDestination = counts;
		}
		res.json(body);
	});

	router.post('/__sandbox/stats/clear', (_req, res) => {
		controls.stats.clear();
		res.json({ ok: true });
	});

	return router;
}
