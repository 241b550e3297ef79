/** /v1/analytics/*: every report first narrows the clicks by link or campaign, segment and period. */
import { Router, type Request } from 'express';
import { breakdown, presentClick, timeseries, totals } from '../analytics';
import type { SandboxContext } from '../context';
import { badRequest, notFound } from '../errors';
import { paginate } from '../pagination';
import type { Dimension, Interval, Link, StoredClick } from '../types';

const DEFAULT_PERIOD_MS = 30 * 24 * 60 * 60 * 1000;

type Query = Record<string, string | undefined>;

interface Scope {
	clicks: StoredClick[];
	fromMs: number;
	toMs: number;
}

/**
 * linkId or campaignId (at most one; neither = the whole account), optional segmentId, [from, to). `listed`: the
 * clicks a list sees (trailing the writes under --visibility-lag); reports count every recorded click.
 */
function scopedClicks(context: SandboxContext, req: Request, listed = false): Scope {
	const { store } = context;
	const query = req.query as Query;
	if (query.linkId && query.campaignId) throw badRequest('campaignId', 'Give at most one of linkId and campaignId.');
	if (query.linkId && !store.links.has(query.linkId)) throw notFound(`No link ${query.linkId} in this account.`);
	if (query.campaignId && !store.campaigns.has(query.campaignId)) {
		throw notFound(`No campaign ${query.campaignId} in this account.`);
	}
	if (query.segmentId && !store.segments.has(query.segmentId)) throw notFound(`No segment ${query.segmentId} in this account.`);
	const toMs = query.to ? Date.parse(query.to) : context.now();
	const fromMs = query.from ? Date.parse(query.from) : toMs - DEFAULT_PERIOD_MS;
	if (fromMs >= toMs) throw badRequest('from', '`from` must be before `to`.');

	let linkIds: Set<string> | undefined;
	if (query.linkId) linkIds = new Set([query.linkId]);
	if (query.campaignId) {
		linkIds = new Set([...store.links.values()].filter((l) => l.campaignId === query.campaignId).map((l) => l.id));
	}
	// Click timestamps are all toISOString() output, which sorts as it reads: compared as strings, no parsing per click.
	const [fromIso, toIso] = [new Date(fromMs).toISOString(), new Date(toMs).toISOString()];
	const source = listed ? store.visibility.view(store.clicks) : store.clicks;
	const clicks = source.filter((click) => {
		return (
			click.timestamp >= fromIso &&
			click.timestamp < toIso &&
			(!linkIds || linkIds.has(click.linkId)) &&
			(!query.segmentId || click.segmentIds.includes(query.segmentId))
		);
	});
	return { clicks, fromMs, toMs };
}

export function analyticsRouter(context: SandboxContext): Router {
	const router = Router();

	router.get('/v1/analytics/summary', (req, res) => {
		const { clicks, fromMs, toMs } = scopedClicks(context, req);
		res.json({ ...totals(clicks), from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
	});

	router.get('/v1/analytics/timeseries', (req, res) => {
		const { clicks, fromMs, toMs } = scopedClicks(context, req);
		const interval = ((req.query as Query).interval ?? 'day') as Interval;
		res.json({ data: timeseries(clicks, fromMs, toMs, interval) });
	});

	router.get('/v1/analytics/breakdown', (req, res) => {
		const { clicks } = scopedClicks(context, req);
		const query = req.query as Record<string, unknown>;
		res.json({ data: breakdown(clicks, query.dimension as Dimension, Number(query.limit ?? 10)) });
	});

	router.get('/v1/analytics/clicks', (req, res) => {
		const query = req.query as Record<string, unknown>;
		const { clicks } = scopedClicks(context, req, true);
		const filtered = clicks.filter(
			(click) => (!query.country || click.country === query.country) && (!query.device || click.device === query.device),
		);
		const page = paginate(filtered, {
			valueOf: (click) => click.timestamp,
			descending: query.sort !== 'timestamp',
			limit: Number(query.limit ?? 20),
			cursor: query.cursor as string | undefined,
		});
		// A link's clicks go when the link is deleted, so every click served still has its link.
		const present = (click: StoredClick) => presentClick(click, context.store.links.get(click.linkId) as Link);
		res.json({ data: page.data.map(present), nextCursor: page.nextCursor });
	});

	return router;
}
