/**
 * /v1/analytics: the workspace totals (links created and clicks within `from`..`to`, both included, A17/A18) and a
 * link's raw click events, newest first (ties by id, A14), trailing the writes under --visibility-lag (A15).
 */
import { Router } from 'express';
import type { SandboxContext } from '../context';
import { pageFrom, pageOf } from '../http/paging';
import { queryInstant } from '../http/query';
import { callerWorkspace, linkOfWorkspace } from './caller';

export function analyticsRouter(context: SandboxContext): Router {
	const router = Router();
	const { store } = context;

	router.get('/v1/analytics/summary', (req, res) => {
		const workspace = callerWorkspace(context, res);
		const from = queryInstant(req, 'from');
		const to = queryInstant(req, 'to');
		let totalClicks = 0;
		for (const clicks of workspace.clicks.values()) totalClicks += clicks.countWithin(from, to);
		res.json({ total_links: workspace.linksByAge.countWithin(from, to), total_clicks: totalClicks });
	});

	router.get('/v1/analytics/links/:shortCode', (req, res) => {
		const workspace = callerWorkspace(context, res);
		const link = linkOfWorkspace(context, workspace, req.params.shortCode);
		const clicks = workspace.clicks.get(link.id);
		const within = clicks ? clicks.newestWithin(queryInstant(req, 'from'), queryInstant(req, 'to')) : [];
		res.json(pageFrom(store.visibility.view(within), pageOf(req)));
	});

	return router;
}
