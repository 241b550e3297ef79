/**
 * /__sandbox/*: test controls outside Linkkit's API, in `{"error"}` on failure like the API. No key: the server only
 * listens on 127.0.0.1.
 *  POST /__sandbox/faults            { rate?, drop?, html?, commitDrop?, commit500?, stall?, latencyMs?, stallMs?,
 *                                      next?: [{ kind, retryAfter?, match? }] } → the fault config
 *  POST /__sandbox/reset             back to the seeded state; faults, limits, plan, stats and deliveries as started
 *  POST /__sandbox/rate-limit        { rate?, burst?, headers?: "none" | "retry-after" | "full" }
 *  POST /__sandbox/plan              { plan?: "pro" | "free" | …, planLinks?: number | null } (the key's workspace)
 *  GET  /__sandbox/state             counts, workspaces, foreign codes, plan, faults, rate limit
 *  GET  /__sandbox/stats             the API traffic since the last clear (stats.ts); `?requests=1` adds one record
 *                                    per request; `?destinationPrefix=<p>` adds `linksByDestination` (links whose
 *                                    original_url starts with p, per URL)
 *  POST /__sandbox/stats/clear       starts a new count
 *  POST /__sandbox/clicks            { short_code, count, spreadMs?, events? } records clicks in bulk
 *  GET  /__sandbox/hooks             every webhook subscription, without its secret
 *  GET  /__sandbox/deliveries        every webhook delivery and its attempts (`?hook_id=`, `?event=`, `?event_id=`)
 *  POST /__sandbox/deliveries/clear  cancels pending retries and empties the log
 */
import { json, Router } from 'express';
import type { SandboxControls } from '../controls';
import { badRequest } from '../http/errors';
import { queryText } from '../http/query';
import { isRateLimitHeaderMode, RATE_LIMIT_HEADER_MODES } from '../rate-limit-middleware';
import type { RequestStats } from '../stats';
import type { Store } from '../state/store';
import { parseFaults } from './fault-settings';

type Body = Record<string, unknown>;

export interface AdminParts {
	controls: SandboxControls;
	store: Store;
	stats: RequestStats;
}

function optionalNumber(body: Body, field: string): number | undefined {
	const value = body[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'number') throw badRequest(`${field} must be a number`);
	return value;
}

export function adminRouter({ controls, store, stats }: AdminParts): Router {
	const router = Router();
	router.use('/__sandbox', json());
	const bodyOf = (req: { body?: unknown }) => (req.body ?? {}) as Body;

	router.post('/__sandbox/faults', (req, res) => {
		res.json(controls.setFaults(parseFaults(bodyOf(req))));
	});

	router.post('/__sandbox/reset', (_req, res) => {
		controls.reset();
		res.json({ ok: true, ...store.counts() });
	});

	router.post('/__sandbox/rate-limit', (req, res) => {
		const body = bodyOf(req);
		if (body.headers !== undefined && !isRateLimitHeaderMode(body.headers)) {
			throw badRequest(`headers must be one of ${RATE_LIMIT_HEADER_MODES.join(', ')}`);
		}
		const rate = optionalNumber(body, 'rate');
		const burst = optionalNumber(body, 'burst');
		const settings = rate !== undefined || burst !== undefined ? controls.setRateLimit({ ...(rate !== undefined ? { rate } : {}), ...(burst !== undefined ? { burst } : {}) }) : undefined;
		if (isRateLimitHeaderMode(body.headers)) controls.setRateLimitHeaders(body.headers);
		res.json({ ...(settings ?? controls.state().rateLimit), headers: controls.state().rateLimit.headers });
	});

	router.post('/__sandbox/plan', (req, res) => {
		const { plan, planLinks } = bodyOf(req);
		if (plan !== undefined && (typeof plan !== 'string' || plan === '')) throw badRequest('plan must be a plan name, e.g. "pro" or "free"');
		if (planLinks !== undefined && planLinks !== null && (typeof planLinks !== 'number' || !Number.isInteger(planLinks) || planLinks < 0)) {
			throw badRequest('planLinks must be a whole number >= 0, or null for no limit');
		}
		res.json(controls.setPlan({ ...(plan !== undefined ? { plan } : {}), ...(planLinks !== undefined ? { planLinks } : {}) }));
	});

	router.get('/__sandbox/state', (_req, res) => {
		res.json(controls.state());
	});

	router.get('/__sandbox/stats', (req, res) => {
		const body: Record<string, unknown> = { ...stats.current(), rateLimit: controls.state().rateLimit };
		if (req.query.requests === '1' || req.query.requests === 'true') body.records = stats.list();
		const prefix = queryText(req, 'destinationPrefix');
		if (prefix !== undefined) {
			const counts: Record<string, number> = {};
			for (const link of store.workspaces[0].links.values()) {
				if (link.original_url.startsWith(prefix)) counts[link.original_url] = (counts[link.original_url] ?? 0) + 1;
			}
			body.linksByDestination = counts;
		}
		res.json(body);
	});

	router.post('/__sandbox/stats/clear', (_req, res) => {
		stats.clear();
		res.json({ ok: true });
	});

	router.post('/__sandbox/clicks', (req, res) => {
		const { short_code, count, spreadMs = 0, events = false } = bodyOf(req);
		if (typeof short_code !== 'string') throw badRequest('short_code is required');
		if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1_000_000) {
			throw badRequest('count must be a whole number from 1 to 1 000 000');
		}
		if (typeof spreadMs !== 'number' || spreadMs < 0) throw badRequest('spreadMs must be a number >= 0');
		if (typeof events !== 'boolean') throw badRequest('events must be true or false');
		res.json({ ok: true, clicks: controls.injectClicks(short_code, count, spreadMs, events) });
	});

	router.get('/__sandbox/hooks', (_req, res) => {
		res.json({ data: controls.hooks() });
	});

	router.get('/__sandbox/deliveries', (req, res) => {
		const filter = { hook_id: queryText(req, 'hook_id'), event: queryText(req, 'event'), event_id: queryText(req, 'event_id') };
		res.json({ data: controls.deliveries(filter) });
	});

	router.post('/__sandbox/deliveries/clear', (_req, res) => {
		controls.clearDeliveries();
		res.json({ ok: true });
	});

	return router;
}
