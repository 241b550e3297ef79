/**
 * The short link itself (A4, A11, A30): `GET /{short_code}` and `GET /r/{short_code}` on the sandbox's own address
 * answer 302 to the link's `original_url` with `lkclid=<click id>` added, record the click and emit `link.clicked`.
 * An unknown, inactive or expired link answers a 404 page and records nothing. A HEAD is answered without a click.
 */
import { Router, type Request, type Response } from 'express';
import { nowIso, type SandboxContext } from '../context';
import { clickFromRequest } from '../clicks/click-from-request';
import { destinationWithClickId } from '../clicks/destination';
import type { Link } from '../state/types';

const isLive = (link: Link, nowMs: number) => link.is_active && (link.expire_at === null || Date.parse(link.expire_at) > nowMs);

export function redirectRouter(context: SandboxContext): Router {
	const router = Router();

	const redirect = (req: Request<{ code: string }>, res: Response) => {
		const found = context.store.linkByCode(req.params.code);
		if (!found || !isLive(found.link, context.now())) {
			res.status(404).type('text/plain').send('Short link not found.');
			return;
		}
		const { workspace, link } = found;
		if (req.method === 'HEAD') {
			res.redirect(302, link.original_url);
			return;
		}
		const click = clickFromRequest(req, nowIso(context));
		context.store.addClicks(workspace, link.id, [click]);
		context.events.emit(workspace.workspace.id, 'link.clicked', { short_code: link.short_code, link_id: link.id, click });
		res.redirect(302, destinationWithClickId(link.original_url, click.id));
	};

	router.get('/r/:code', redirect);
	router.get('/:code', redirect);
	return router;
}
