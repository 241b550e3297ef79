/** /v1/segments: visitor groups used by link routes and analytics; deleting one removes the routes to it. */
import { Router } from 'express';
import { nowIso, type SandboxContext } from '../context';
import { conflict, notFound } from '../errors';
import { newId } from '../ids';
import { listPage, readListQuery } from '../pagination';
import type { Segment, SegmentCreate, SegmentUpdate } from '../types';

type Query = Record<string, string | undefined>;

function findSegment(context: SandboxContext, id: string): Segment {
	const segment = context.store.segments.get(id);
	if (!segment) throw notFound(`No segment ${id} in this account.`);
	return segment;
}

/** Names are unique case-insensitively, like campaign names (the contract's 409 "name taken"). */
function assertNameFree(context: SandboxContext, name: string, exceptId?: string): void {
	const lower = name.toLowerCase();
	for (const segment of context.store.segments.values()) {
		if (segment.id !== exceptId && segment.name.toLowerCase() === lower) {
			throw conflict(`A segment named "${segment.name}" already exists.`);
		}
	}
}

function matchesFilters(segment: Segment, query: Query): boolean {
	const name = segment.name.toLowerCase();
	if (query.search && !name.includes(query.search.toLowerCase())) return false;
	if (query.name && name !== query.name.toLowerCase()) return false;
	return true;
}

export function segmentsRouter(context: SandboxContext): Router {
	const router = Router();

	router.get('/v1/segments', (req, res) => {
		const segments = context.store.visibility.view(context.store.segments.values()).filter((s) => matchesFilters(s, req.query as Query));
		res.json(listPage(segments, readListQuery(req.query)));
	});

	router.post('/v1/segments', (req, res) => {
		const input = req.body as SegmentCreate;
		assertNameFree(context, input.name);
		const now = nowIso(context);
		const segment: Segment = {
			id: newId('seg'),
			name: input.name,
			description: input.description ?? null,
			match: input.match ?? 'all',
			rules: input.rules,
			createdAt: now,
			updatedAt: now,
		};
		context.store.putSegment(segment);
		res.status(201).json(segment);
	});

	router.get('/v1/segments/:id', (req, res) => {
		res.json(findSegment(context, req.params.id));
	});

	router.patch('/v1/segments/:id', (req, res) => {
		const current = findSegment(context, req.params.id);
		const patch = req.body as SegmentUpdate;
		if (patch.name !== undefined) assertNameFree(context, patch.name, current.id);
		const updated: Segment = { ...current, ...patch, updatedAt: nowIso(context) };
		context.store.putSegment(updated);
		res.json(updated);
	});

	router.delete('/v1/segments/:id', (req, res) => {
		findSegment(context, req.params.id);
		context.store.deleteSegment(req.params.id, nowIso(context));
		res.status(204).end();
	});

	return router;
}
