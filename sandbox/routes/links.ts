/** /v1/links: list, create, bulk create, lookup, get, update, delete. Requests arrive schema-validated. */
import { Router } from 'express';
import { nowIso, type SandboxContext } from '../context';
import { badRequest, notFound, toApiError } from '../errors';
import { validateLinkCreate } from '../entry-validator';
import { createLink, updateLink } from '../link-writes';
import { listPage, readListQuery } from '../pagination';
import type { ErrorBody, Link, LinkCreate, LinkUpdate } from '../types';

type Query = Record<string, string | undefined>;

function matchesFilters(link: Link, query: Query): boolean {
	if (query.campaignId && link.campaignId !== query.campaignId) return false;
	if (query.domain && link.domain !== query.domain.toLowerCase()) return false;
	if (query.tag && !link.tags.some((tag) => tag.toLowerCase() === query.tag?.toLowerCase())) return false;
	if (query.search) {
		const needle = query.search.toLowerCase();
		const haystacks = [link.title ?? '', link.destination, link.slug];
		if (!haystacks.some((text) => text.toLowerCase().includes(needle))) return false;
	}
	return true;
}

function findLink(context: SandboxContext, id: string): Link {
	const link = context.store.links.get(id);
	if (!link) throw notFound(`No link ${id} in this account.`);
	return link;
}

/** Contract: exactly one of `shortUrl`, `domain` + `slug`, or `destination`. */
function lookup(context: SandboxContext, query: Query): Link | undefined {
	const { store } = context;
	const modes = [query.shortUrl, query.domain ?? query.slug, query.destination].filter((value) => value !== undefined);
	if (modes.length !== 1) {
		throw badRequest('shortUrl', 'Give exactly one of shortUrl, domain + slug, or destination.');
	}
	if (query.shortUrl !== undefined) {
		let url: URL;
		try {
			url = new URL(query.shortUrl);
		} catch {
			throw badRequest('shortUrl', 'shortUrl is not a URL.');
		}
		return store.findLinkBySlug(url.hostname, url.pathname.replace(/^\/+|\/+$/g, ''));
	}
	if (query.destination !== undefined) {
		let newest: Link | undefined;
		for (const link of store.links.values()) {
			if (link.destination !== query.destination) continue;
			const newer = !newest || link.createdAt > newest.createdAt || (link.createdAt === newest.createdAt && link.id > newest.id);
			if (newer) newest = link;
		}
		return newest;
	}
	if (query.domain === undefined || query.slug === undefined) {
		throw badRequest(query.domain === undefined ? 'domain' : 'slug', 'Give domain and slug together.');
	}
	return store.findLinkBySlug(query.domain, query.slug);
}

type BulkResult = { index: number; link: Link } | { index: number; error: ErrorBody };

function bulkCreate(context: SandboxContext, entries: unknown[]): BulkResult[] {
	return entries.map((entry, index): BulkResult => {
		const details = validateLinkCreate(entry);
		if (details.length > 0) {
			const message = details.length === 1 ? `${details[0].field}: ${details[0].message}` : `${details.length} fields are invalid.`;
			return { index, error: { code: 'validation_failed', message, details } };
		}
		try {
			return { index, link: createLink(context.store, entry as LinkCreate, nowIso(context)) };
		} catch (thrown) {
			// One entry's failure (422/409, or even a sandbox bug as server_error) fails only that entry.
			const error = toApiError(thrown);
			return {
				index,
				error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
			};
		}
	});
}

export function linksRouter(context: SandboxContext): Router {
	const router = Router();

	router.get('/v1/links', (req, res) => {
		const query = req.query as Query;
		// Lists trail the writes under --visibility-lag; filters apply to what the list sees.
		const links = context.store.visibility.view(context.store.links.values()).filter((link) => matchesFilters(link, query));
		res.json(listPage(links, readListQuery(req.query)));
	});

	router.post('/v1/links', (req, res) => {
		res.status(201).json(createLink(context.store, req.body as LinkCreate, nowIso(context)));
	});

	router.post('/v1/links/bulk', (req, res) => {
		res.json({ data: bulkCreate(context, (req.body as { links: unknown[] }).links) });
	});

	router.get('/v1/links/lookup', (req, res) => {
		const query = req.query as Query;
		const link = lookup(context, query);
		if (!link) throw notFound('No link matches.');
		res.json(link);
	});

	router.get('/v1/links/:id', (req, res) => {
		res.json(findLink(context, req.params.id));
	});

	router.patch('/v1/links/:id', (req, res) => {
		const link = findLink(context, req.params.id);
		res.json(updateLink(context.store, link, req.body as LinkUpdate, nowIso(context)));
	});

	router.delete('/v1/links/:id', (req, res) => {
		findLink(context, req.params.id);
		context.store.deleteLink(req.params.id);
		res.status(204).end();
	});

	return router;
}
