/**
 * The plain CRUD resources, one router each from a small spec: lists, tags and UTM templates (everything, by name,
 * ties by created_at, A14) and QR codes (paged, newest first). None of them is tied to links except a list through
 * a link's `list_id` (a deleted list's links stay, out of any list, A12).
 */
import { Router } from 'express';
import { nowIso, type SandboxContext } from '../context';
import { notFound } from '../http/errors';
import { pageFrom, pageOf, unpaged } from '../http/paging';
import { newUuid } from '../ids';
import type { NamedCollection, NamedCollections } from '../state/store';
import { callerWorkspace } from './caller';

interface ResourceSpec<C extends NamedCollection> {
	path: string;
	collection: C;
	/** For "List not found". */
	label: string;
	/** Every field a create or update may set, with its value when a create leaves it out. */
	defaults: Omit<NamedCollections[C], 'id' | 'created_at'>;
	order: 'by-name' | 'paged-newest';
}

const byName = (a: { name: string; created_at: string }, b: { name: string; created_at: string }) =>
	a.name < b.name ? -1 : a.name > b.name ? 1 : a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0;

const newestFirst = (a: { created_at: string; id: string }, b: { created_at: string; id: string }) =>
	a.created_at !== b.created_at ? (a.created_at < b.created_at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/** The body's values for the spec's fields, only those given. */
function given<T extends object>(defaults: T, body: Record<string, unknown>): Partial<T> {
	const out: Partial<T> = {};
	for (const field of Object.keys(defaults) as Array<keyof T & string>) if (body[field] !== undefined) out[field] = body[field] as T[typeof field];
	return out;
}

function resourceRouter<C extends NamedCollection>(context: SandboxContext, spec: ResourceSpec<C>): Router {
	const router = Router();
	const { store } = context;
	type Item = NamedCollections[C];
	const itemsOf = (res: Parameters<typeof callerWorkspace>[1]) => callerWorkspace(context, res)[spec.collection] as Map<string, Item>;
	const find = (res: Parameters<typeof callerWorkspace>[1], id: string): Item => {
		const item = itemsOf(res).get(id);
		if (!item) throw notFound(`${spec.label} not found`);
		return item;
	};

	router.get(spec.path, (req, res) => {
		const items = [...itemsOf(res).values()];
		if (spec.order === 'by-name') res.json(unpaged(items.sort(byName as unknown as (a: Item, b: Item) => number)));
		else res.json(pageFrom(items.sort(newestFirst), pageOf(req)));
	});

	router.post(spec.path, (req, res) => {
		const body = req.body as Record<string, unknown>;
		const item = { id: newUuid(), ...spec.defaults, ...given(spec.defaults, body), created_at: nowIso(context) } as unknown as Item;
		store.putItem(callerWorkspace(context, res), spec.collection, item);
		res.status(201).json(item);
	});

	router.get(`${spec.path}/:id`, (req, res) => {
		res.json(find(res, req.params.id));
	});

	router.patch(`${spec.path}/:id`, (req, res) => {
		const updated = { ...find(res, req.params.id), ...given(spec.defaults, req.body as Record<string, unknown>) } as Item;
		store.putItem(callerWorkspace(context, res), spec.collection, updated);
		res.json(updated);
	});

	router.delete(`${spec.path}/:id`, (req, res) => {
		find(res, req.params.id);
		store.deleteItem(callerWorkspace(context, res), spec.collection, req.params.id);
		res.json({ deleted: true });
	});

	return router;
}

export function namedResourceRouters(context: SandboxContext): Router[] {
	return [
		resourceRouter(context, { path: '/v1/lists', collection: 'lists', label: 'List', defaults: { name: '', color: null }, order: 'by-name' }),
		resourceRouter(context, { path: '/v1/tags', collection: 'tags', label: 'Tag', defaults: { name: '', color: null }, order: 'by-name' }),
		resourceRouter(context, {
			path: '/v1/utm-templates',
			collection: 'utmTemplates',
			label: 'UTM template',
			defaults: { name: '', utm_source: null, utm_medium: null, utm_campaign: null, utm_term: null, utm_content: null, ref: null },
			order: 'by-name',
		}),
		resourceRouter(context, {
			path: '/v1/qr-codes',
			collection: 'qrCodes',
			label: 'QR code',
			defaults: { url: '', name: null, color: '#000000', show_logo: false, logo_url: null },
			order: 'paged-newest',
		}),
	];
}
