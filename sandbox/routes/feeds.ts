/**
 * /feeds/links.csv and /feeds/clicks.csv: the workspace's links and a link's clicks as CSV, newest first, with the
 * documented columns (A29). The key comes as `api_key` or in the usual headers (the auth middleware reads both).
 */
import { Router, type Response } from 'express';
import type { SandboxContext } from '../context';
import { csvRow } from '../http/csv';
import { badRequest } from '../http/errors';
import { queryInstant, queryText } from '../http/query';
import { callerWorkspace, linkOfWorkspace } from './caller';
import { linkFilter } from './links';

export const LINK_COLUMNS = ['Short Code', 'Original URL', 'Title', 'Active', 'Custom Domain', 'Expires At', 'Notes', 'List ID', 'Created At', 'Updated At'];
export const CLICK_COLUMNS = ['Short Code', 'Clicked At', 'Country', 'City', 'Device', 'Browser', 'OS', 'Referer'];

function sendCsv(res: Response, filename: string, rows: string[]): void {
	res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${filename}"`).send(rows.join(''));
}

export function feedsRouter(context: SandboxContext): Router {
	const router = Router();

	router.get('/feeds/links.csv', (req, res) => {
		const workspace = callerWorkspace(context, res);
		const keep = linkFilter(req) ?? (() => true);
		const rows = [csvRow(LINK_COLUMNS)];
		for (const link of workspace.linksByAge.newestFirst()) {
			if (!keep(link)) continue;
			rows.push(csvRow([link.short_code, link.original_url, link.title, link.is_active, link.custom_domain, link.expire_at, link.notes, link.list_id, link.created_at, link.updated_at]));
		}
		sendCsv(res, 'links.csv', rows);
	});

	router.get('/feeds/clicks.csv', (req, res) => {
		const workspace = callerWorkspace(context, res);
		const code = queryText(req, 'short_code');
		if (code === undefined) throw badRequest('short_code is required');
		const link = linkOfWorkspace(context, workspace, code);
		const rows = [csvRow(CLICK_COLUMNS)];
		const clicks = workspace.clicks.get(link.id)?.newestWithin(queryInstant(req, 'from'), queryInstant(req, 'to')) ?? [];
		for (const click of clicks) {
			rows.push(csvRow([link.short_code, click.clicked_at, click.country, click.city, click.device, click.browser, click.os, click.referer]));
		}
		sendCsv(res, 'clicks.csv', rows);
	});

	return router;
}
