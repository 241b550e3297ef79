/** Links: validated request bodies and the calls that send them. */

import type { components } from '../generated/openapi';
import type { LinkkitHttp } from '../http';
import { paginate, type Page, type PaginateOptions } from '../pagination';
import { inputError } from '../errors';
import {
	isBlank,
	limits,
	validateDomain,
	validateFutureDate,
	validateId,
	validateSegmentRoutes,
	validateSlug,
	validateTags,
	validateText,
	validateUrl,
	validateUtm,
} from '../validation';
import { commonListQuery, put, type ListFilters } from './common';
import { newIdempotencyKey } from '../idempotency';

type Schemas = components['schemas'];
export type Link = Schemas['Link'];

export interface CreateOptions {
	/** A stable key (e.g. derived from the workflow run) so a re-run never creates twice; random when absent. */
	idempotencyKey?: string;
	/** See CallOptions.proceed: lets a run that stopped drop creates still waiting for the rate limit. */
	proceed?: () => boolean;
}
export type LinkCreate = Schemas['LinkCreate'];
export type LinkUpdate = Schemas['LinkUpdate'];
export type BulkCreateResult = Schemas['BulkCreateResult'];

/** What a person fills in; loose on purpose (blank strings, comma-separated tags). */
export interface LinkInput {
	destination?: unknown;
	slug?: unknown;
	domain?: unknown;
	title?: unknown;
	description?: unknown;
	tags?: unknown;
	campaignId?: unknown;
	utm?: unknown;
	segmentRoutes?: unknown;
	expiresAt?: unknown;
}

/** `now` decides what counts as a past expiry; tests pass their own clock. */
export function buildLinkCreate(input: LinkInput, now: number = Date.now()): LinkCreate {
	const body: LinkCreate = { destination: validateUrl('destination', input.destination) };
	// A blank slug (a mapped value that came out empty for this item) means "not given": Linkkit makes one up.
	put(body, 'slug', input.slug, (v) => validateSlug('slug', v));
	put(body, 'domain', input.domain, (v) => validateDomain('domain', v));
	put(body, 'title', input.title, (v) => validateText('title', v, limits.titleMaxLength));
	put(body, 'description', input.description, (v) => validateText('description', v, limits.descriptionMaxLength));
	const tags = validateTags('tags', input.tags);
	if (tags.length) body.tags = tags;
	put(body, 'campaignId', input.campaignId, (v) => validateId('campaignId', v, 'campaign'));
	put(body, 'utm', input.utm, (v) => validateUtm('utm', v));
	const routes = validateSegmentRoutes('segmentRoutes', input.segmentRoutes);
	if (routes.length) body.segmentRoutes = routes;
	put(body, 'expiresAt', input.expiresAt, (v) => validateFutureDate('expiresAt', v, now));
	if (body.utm === undefined) delete body.utm;
	return body;
}

/** Only the fields given change; `null` clears title, description, campaign or expiry. */
export function buildLinkUpdate(input: LinkInput, now: number = Date.now()): LinkUpdate {
	const body: LinkUpdate = {};
	put(body, 'destination', input.destination, (v) => validateUrl('destination', v));
	put(body, 'slug', input.slug, (v) => validateSlug('slug', v));
	put(body, 'domain', input.domain, (v) => validateDomain('domain', v));
	put(body, 'title', input.title, (v) => validateText('title', v, limits.titleMaxLength), true);
	put(body, 'description', input.description, (v) => validateText('description', v, limits.descriptionMaxLength), true);
	if (Array.isArray(input.tags) || !isBlank(input.tags)) body.tags = validateTags('tags', input.tags);
	put(body, 'campaignId', input.campaignId, (v) => validateId('campaignId', v, 'campaign'), true);
	put(body, 'utm', input.utm, (v) => validateUtm('utm', v));
	if (Array.isArray(input.segmentRoutes)) body.segmentRoutes = validateSegmentRoutes('segmentRoutes', input.segmentRoutes);
	put(body, 'expiresAt', input.expiresAt, (v) => validateFutureDate('expiresAt', v, now), true);
	if (body.utm === undefined) delete body.utm;
	if (Object.keys(body).length === 0) throw inputError('fields', 'give at least one field to change');
	return body;
}

export interface LinkFilters extends ListFilters {
	search?: string;
	campaignId?: string;
	tag?: string;
	domain?: string;
}

export type LinkLookup = { shortUrl: string } | { domain: string; slug: string } | { destination: string };

export function linkFilterQuery(filters: LinkFilters) {
	const query = commonListQuery(filters);
	if (!isBlank(filters.search)) query.search = validateText('search', filters.search, 200);
	if (!isBlank(filters.campaignId)) query.campaignId = validateId('campaignId', filters.campaignId, 'campaign');
	if (!isBlank(filters.tag)) query.tag = validateText('tag', filters.tag, limits.tagMaxLength);
	if (!isBlank(filters.domain)) query.domain = validateDomain('domain', filters.domain);
	return query;
}

export function linksApi(http: LinkkitHttp) {
	return {
		/** One page; most callers want `iterate`. */
		listPage(filters: LinkFilters = {}, page: { cursor?: string; limit?: number } = {}) {
			return http.call<Page<Link>>('listLinks', { query: { ...linkFilterQuery(filters), ...page }, action: 'list links' });
		},
		iterate(filters: LinkFilters = {}, options: PaginateOptions = {}) {
			const query = linkFilterQuery(filters);
			return paginate<Link>(
				(cursor, limit) => http.call<Page<Link>>('listLinks', { query: { ...query, cursor, limit }, action: 'list links' }),
				options,
			);
		},
		get(id: string) {
			return http.call<Link>('getLink', { pathParams: { id: validateId('linkId', id, 'link') }, action: 'read links' });
		},
		lookup(by: LinkLookup) {
			let query: Record<string, string>;
			if ('shortUrl' in by) query = { shortUrl: validateUrl('shortUrl', by.shortUrl) };
			else if ('slug' in by) query = { domain: validateDomain('domain', by.domain), slug: validateSlug('slug', by.slug) };
			else query = { destination: validateUrl('destination', by.destination) };
			return http.call<Link>('lookupLink', { query, action: 'look up links' });
		},
		/** Pass a stable `idempotencyKey` (e.g. derived from the workflow run) so a re-run never creates twice. */
		create(input: LinkInput, options: CreateOptions = {}) {
			return http.call<Link>('createLink', {
				body: buildLinkCreate(input),
				idempotencyKey: options.idempotencyKey ?? newIdempotencyKey(),
				action: 'create links',
				proceed: options.proceed,
			});
		},
		/**
		 * Creates up to 100 links in one request; each entry succeeds or fails alone. Entries that fail
		 * local validation are not sent and come back as `{ index, error }` like Linkkit's own failures.
		 */
		async createMany(inputs: LinkInput[], options: CreateOptions = {}): Promise<BulkCreateResult> {
			if (inputs.length === 0) return { data: [] };
			if (inputs.length > 100) throw inputError('links', `has ${inputs.length} entries; send at most 100 per call`);
			const results: BulkCreateResult['data'] = [];
			const valid: { index: number; body: LinkCreate }[] = [];
			inputs.forEach((input, index) => {
				try {
					valid.push({ index, body: buildLinkCreate(input) });
				} catch (error) {
					const e = error as { message: string; details?: { field: string; message: string }[] };
					results.push({ index, error: { code: 'validation_failed', message: e.message, details: e.details } });
				}
			});
			if (valid.length) {
				const answer = await http.call<BulkCreateResult>('bulkCreateLinks', {
					body: { links: valid.map((v) => v.body) },
					idempotencyKey: options.idempotencyKey ?? newIdempotencyKey(),
					action: 'create links',
					proceed: options.proceed,
				});
				for (const entry of answer.data) results.push({ ...entry, index: valid[entry.index].index });
			}
			return { data: results.sort((a, b) => a.index - b.index) };
		},
		update(id: string, input: LinkInput) {
			return http.call<Link>('updateLink', {
				pathParams: { id: validateId('linkId', id, 'link') },
				body: buildLinkUpdate(input),
				action: 'update links',
			});
		},
		async delete(id: string): Promise<{ id: string; deleted: true }> {
			const linkId = validateId('linkId', id, 'link');
			await http.call('deleteLink', { pathParams: { id: linkId }, action: 'delete links' });
			return { id: linkId, deleted: true };
		},
	};
}
