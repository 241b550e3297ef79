/** /v1/links: list, create, bulk create, upsert, get, update, delete. Requests arrive schema-validated. */
import { Router, type Request } from 'express';
import type { SandboxContext } from '../context';
import { badRequest } from '../http/errors';
import { pageFrom, pageOf } from '../http/paging';
import { queryBoolean, queryText } from '../http/query';
import { bulkCreate, createLink, deleteLink, updateLink, upsertLink, type LinkInput } from '../links/link-writes';
import { codeProblem } from '../links/short-code';
import type { Link } from '../state/types';
import { callerWorkspace, linkOfWorkspace } from './caller';

/** `search` (URL or title, any case), `list_id`, `is_active`; undefined when no filter is given. */
export function linkFilter(req: Request): ((link: Link) => boolean) | undefined {
	const search = queryText(req, 'search')?.toLowerCase();
	const listId = queryText(req, 'list_id');
	const isActive = queryBoolean(req, 'is_active');
	if (search === undefined && listId === undefined && isActive === undefined) return undefined;
	return (link) =>
		(listId === undefined || link.list_id === listId) &&
		(isActive === undefined || link.is_active === isActive) &&
		(search === undefined || link.original_url.toLowerCase().includes(search) || (link.title ?? '').toLowerCase().includes(search));
}

export function linksRouter(context: SandboxContext): Router {
	const router = Router();
	const { store } = context;

	router.get('/v1/links', (req, res) => {
		const workspace = callerWorkspace(context, res);
		const page = pageOf(req);
		const filter = linkFilter(req);
		// Newest first (A14); lists trail the writes under --visibility-lag, and filters apply to what they see.
		const visible = store.visibility.view(workspace.linksByAge.newestFirst());
		if (!filter && !store.visibility.enabled) {
			const total = workspace.linksByAge.size;
			res.json({ data: workspace.linksByAge.newestSlice((page.page - 1) * page.limit, page.limit), meta: { ...page, total } });
			return;
		}
		res.json(pageFrom(filter ? filterIterable(visible, filter) : visible, page));
	});

	router.post('/v1/links', (req, res) => {
		res.status(201).json(createLink(context, callerWorkspace(context, res), req.body as LinkInput));
	});

	router.post('/v1/links/bulk', (req, res) => {
		const entries = (req.body as { links: LinkInput[] }).links;
		if (entries.length === 0) throw badRequest('links array missing or empty');
		res.status(201).json(bulkCreate(context, callerWorkspace(context, res), entries));
	});

	router.put('/v1/links/:shortCode', (req, res) => {
		const problem = codeProblem(req.params.shortCode);
		if (problem) throw badRequest(problem);
		const { link, created } = upsertLink(context, callerWorkspace(context, res), req.params.shortCode, req.body as LinkInput);
		res.status(created ? 201 : 200).json(link);
	});

	router.get('/v1/links/:shortCode', (req, res) => {
		res.json(linkOfWorkspace(context, callerWorkspace(context, res), req.params.shortCode));
	});

	router.patch('/v1/links/:shortCode', (req, res) => {
		const workspace = callerWorkspace(context, res);
		const link = linkOfWorkspace(context, workspace, req.params.shortCode);
		res.json(updateLink(context, workspace, link, req.body as LinkInput));
	});

	router.delete('/v1/links/:shortCode', (req, res) => {
		const workspace = callerWorkspace(context, res);
		deleteLink(context, workspace, linkOfWorkspace(context, workspace, req.params.shortCode));
		res.json({ deleted: true });
	});

	return router;
}

function* filterIterable<T>(items: Iterable<T>, keep: (item: T) => boolean): IterableIterator<T> {
	for (const item of items) if (keep(item)) yield item;
}
