/**
 * GET /r/{slug}?domain=: the public short-link redirect (no API key). Picks the destination of the first segment
 * route the visitor matches, else the link's own, answers 302, and records the click with every matching segment.
 */
import { Router } from 'express';
import { DEFAULT_DOMAIN } from '../account';
import { nowIso, type SandboxContext } from '../context';
import { newId } from '../ids';
import { matchingSegmentIds, segmentMatches } from '../segments-match';
import type { Link } from '../types';
import { visitorFromRequest } from '../visitor';

function isLive(link: Link, nowMs: number): boolean {
	return link.expiresAt === null || Date.parse(link.expiresAt) > nowMs;
}

export function redirectRouter(context: SandboxContext): Router {
	const router = Router();

	router.get('/r/:slug', (req, res) => {
		const { store } = context;
		const domain = typeof req.query.domain === 'string' && req.query.domain ? req.query.domain : DEFAULT_DOMAIN;
		const link = store.findLinkBySlug(domain, req.params.slug);
		if (!link || !isLive(link, context.now())) {
			res.status(404).type('text/plain').send('Short link not found or expired.');
			return;
		}
		const visitor = visitorFromRequest(req);
		const route = link.segmentRoutes.find(({ segmentId }) => {
			const segment = store.segments.get(segmentId);
			return segment !== undefined && segmentMatches(segment, visitor);
		});
		store.addClick({
			id: newId('clk'),
			linkId: link.id,
			timestamp: nowIso(context),
			country: visitor.country,
			city: visitor.city,
			device: visitor.device,
			os: visitor.os,
			browser: visitor.browser,
			referrer: visitor.referrer,
			segmentIds: matchingSegmentIds(store.segments.values(), visitor),
			visitorId: visitor.visitorId,
		});
		res.redirect(302, route?.destination ?? link.destination);
	});

	return router;
}
