/**
 * Links, addressed by their short code. Every link the core returns carries `short_url`, built from the code and the
 * custom domain (Linkkit's object has none; see short-url.ts).
 *
 * Creating: `createOnce` (the connector picks the code from the create's identity: exactly once, see link-codes.ts),
 * `createWithCode` (the person gives the code: never overwrites an existing link), `createPicked` (Linkkit picks a
 * short code; a lost answer is looked for before sending again). `upsert` is the person's own "create or update".
 */

import { settle } from '../concurrency';
import { inputError, isNotFound, LinkkitError } from '../errors';
import type { LinkkitHttp } from '../http';
import { DERIVED_CODE_ATTEMPTS, derivedShortCode } from '../link-codes';
import { paginate, type Paged, type PaginateOptions } from '../pagination';
import { shortCodeFrom, shortUrlOf } from '../short-url';
import {
	isBlank,
	validateBoolean,
	validateDomainName,
	validateFutureDate,
	validateShortCode,
	validateText,
	validateUrl,
	validateUuid,
} from '../validation';
import { put, type Schemas } from './common';
import { createReconciled, madeSince } from './reconcile';
import { applyUtmTemplate, type UtmTemplate } from './utm';

/** A link as Linkkit sends it; the fields every link has are required here. */
export type Link = Schemas['Link'] & { id: string; short_code: string; original_url: string; created_at: string; updated_at: string };
/** A link with the short URL people use. */
export type LinkWithUrl = Link & { short_url: string };

export function withShortUrl(link: Link): LinkWithUrl {
	return { ...link, short_url: shortUrlOf(link) };
}

/** What a person fills in; loose on purpose (blank strings mean "not given"). */
export interface LinkInput {
	original_url?: unknown;
	title?: unknown;
	custom_domain?: unknown;
	expire_at?: unknown;
	notes?: unknown;
	list_id?: unknown;
	is_active?: unknown;
	/** A UTM template whose parameters are written into `original_url` (see utm.ts). */
	utmTemplate?: UtmTemplate;
}

export interface LinkBody {
	original_url: string;
	title?: string | null;
	custom_domain?: string | null;
	expire_at?: string | null;
	notes?: string | null;
	list_id?: string | null;
	is_active?: boolean;
}

export type LinkUpdateBody = Partial<LinkBody> & { short_code?: string };

/** The body of a create or an upsert: the destination is required, blanks are left out. */
export function buildLinkBody(input: LinkInput, now: number = Date.now()): LinkBody {
	const url = validateUrl('original_url', input.original_url);
	const body: LinkBody = { original_url: input.utmTemplate ? applyUtmTemplate(url, input.utmTemplate) : url };
	put(body, 'title', input.title, (v) => validateText('title', v, 500));
	put(body, 'custom_domain', input.custom_domain, (v) => validateDomainName('custom_domain', v));
	put(body, 'expire_at', input.expire_at, (v) => validateFutureDate('expire_at', v, now));
	put(body, 'notes', input.notes, (v) => validateText('notes', v, 5000));
	put(body, 'list_id', input.list_id, (v) => validateUuid('list_id', v, 'segment'));
	put(body, 'is_active', input.is_active, (v) => validateBoolean('is_active', v));
	return body;
}

/** Only the fields given change; `null` clears title, custom domain, expiry, notes or segment. */
export function buildLinkUpdate(input: LinkInput & { short_code?: unknown }, now: number = Date.now()): LinkUpdateBody {
	const body: LinkUpdateBody = {};
	if (!isBlank(input.original_url)) {
		const url = validateUrl('original_url', input.original_url);
		body.original_url = input.utmTemplate ? applyUtmTemplate(url, input.utmTemplate) : url;
	} else if (input.utmTemplate) {
		throw inputError('original_url', 'is needed to apply a UTM template: give the destination the parameters are added to');
	}
	put(body, 'title', input.title, (v) => validateText('title', v, 500), true);
	put(body, 'custom_domain', input.custom_domain, (v) => validateDomainName('custom_domain', v), true);
	put(body, 'expire_at', input.expire_at, (v) => validateFutureDate('expire_at', v, now), true);
	put(body, 'notes', input.notes, (v) => validateText('notes', v, 5000), true);
	put(body, 'list_id', input.list_id, (v) => validateUuid('list_id', v, 'segment'), true);
	put(body, 'is_active', input.is_active, (v) => validateBoolean('is_active', v));
	put(body, 'short_code', input.short_code, (v) => validateShortCode('short_code', v));
	if (Object.keys(body).length === 0) throw inputError('fields', 'give at least one field to change');
	return body;
}

export interface LinkFilters {
	/** Part of the destination URL or title, any case. */
	search?: string;
	/** Only links in this segment (the API's list). */
	list_id?: string;
	is_active?: boolean;
}

export function linkFilterQuery(filters: LinkFilters): Record<string, string | boolean> {
	const query: Record<string, string | boolean> = {};
	if (!isBlank(filters.search)) query.search = validateText('search', filters.search, 200);
	if (!isBlank(filters.list_id)) query.list_id = validateUuid('list_id', filters.list_id, 'segment');
	if (filters.is_active !== undefined && filters.is_active !== null) query.is_active = validateBoolean('is_active', filters.is_active);
	return query;
}

export interface CreateOptions {
	/** See CallOptions.proceed: lets a run that stopped drop creates still waiting for the rate limit. */
	proceed?: () => boolean;
}

/** A create's result: the link, and whether this call made it (false: it already existed with these details). */
export interface CreatedLink {
	link: LinkWithUrl;
	created: boolean;
}

/** The fields a create sets, as Linkkit echoes them, to tell "our link" from someone else's under a code. */
function matchesBody(link: Link, body: LinkBody): boolean {
	const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
	return (
		link.original_url === body.original_url &&
		same(link.title, body.title) &&
		same(link.custom_domain, body.custom_domain) &&
		same(link.notes, body.notes) &&
		same(link.list_id, body.list_id) &&
		(body.expire_at === undefined || Date.parse(link.expire_at ?? '') === Date.parse(body.expire_at ?? ''))
	);
}

export function linksApi(http: LinkkitHttp, now: () => number) {
	const action = { read: 'read links', write: 'change links', create: 'create links', delete: 'delete links' };

	const get = async (code: string): Promise<LinkWithUrl> =>
		withShortUrl(await http.call<Link>('getLink', { pathParams: { shortCode: code }, action: action.read }));

	const getOrNothing = async (code: string): Promise<LinkWithUrl | undefined> => {
		const outcome = await settle(() => get(code));
		if (outcome.ok) return outcome.value;
		if (isNotFound(outcome.error)) return undefined;
		throw outcome.error;
	};

	const put = async (code: string, body: LinkBody, options: CreateOptions = {}): Promise<CreatedLink> => {
		const answer = await http.answer<Link>('upsertLink', { pathParams: { shortCode: code }, body, action: action.create, proceed: options.proceed });
		return { link: withShortUrl(answer.body), created: answer.status === 201 };
	};

	return {
		/** One page; most callers want `iterate`. */
		listPage(filters: LinkFilters = {}, page = 1, limit = 100): Promise<Paged<Link>> {
			return http.call<Paged<Link>>('listLinks', { query: { ...linkFilterQuery(filters), page, limit }, action: action.read });
		},

		async *iterate(filters: LinkFilters = {}, options: PaginateOptions = {}): AsyncGenerator<LinkWithUrl> {
			const query = linkFilterQuery(filters);
			const pages = paginate<Link>((page, limit) => http.call<Paged<Link>>('listLinks', { query: { ...query, page, limit }, action: action.read }), options);
			for await (const link of pages) yield withShortUrl(link);
		},

		/** By short code or short URL. */
		get(codeOrUrl: string): Promise<LinkWithUrl> {
			return get(shortCodeFrom('short_code', codeOrUrl));
		},

		getOrNothing(codeOrUrl: string): Promise<LinkWithUrl | undefined> {
			return getOrNothing(shortCodeFrom('short_code', codeOrUrl));
		},

		/**
		 * Creates the link under a code derived from `identity` (link-codes.ts). Every repeat of the same create sends
		 * the same code, so a lost answer, a retry or a re-run can only ever update this create's own link. A code held
		 * elsewhere (409) moves on to the next derivation, the same sequence each time.
		 */
		async createOnce(identity: string, input: LinkInput, options: CreateOptions = {}): Promise<CreatedLink> {
			const body = buildLinkBody(input, now());
			let taken: LinkkitError | undefined;
			for (let attempt = 0; attempt < DERIVED_CODE_ATTEMPTS; attempt++) {
				const outcome = await settle(() => put(derivedShortCode(identity, attempt), body, attempt === 0 ? options : {}));
				if (outcome.ok) return outcome.value;
				if (!(outcome.error instanceof LinkkitError) || outcome.error.status !== 409) throw outcome.error;
				taken = outcome.error;
			}
			throw taken as LinkkitError;
		},

		/**
		 * Creates the link under the code a person chose, and never overwrites another link: a code already in use is
		 * refused, unless that link already has exactly these details (a repeat of this same create), which is returned.
		 */
		async createWithCode(codeInput: unknown, input: LinkInput, options: CreateOptions = {}): Promise<CreatedLink> {
			const code = validateShortCode('short_code', codeInput);
			const body = buildLinkBody(input, now());
			const existing = await getOrNothing(code);
			if (existing) {
				if (matchesBody(existing, body)) return { link: existing, created: false };
				throw new LinkkitError({
					code: 'conflict',
					status: 409,
					operation: 'GET /v1/links/{shortCode}',
					message: `The short code "${code}" is already in use by another link (to ${existing.original_url}). Choose another code, or use "Create or Update" to change that link.`,
				});
			}
			return await put(code, body, options);
		},

		/**
		 * Linkkit picks the code (`POST /v1/links`, 6 characters). Its answer lost, the link is looked for among the
		 * links created since (same destination and details) before the create is sent again.
		 */
		async createPicked(input: LinkInput, options: CreateOptions = {}): Promise<CreatedLink> {
			const body = buildLinkBody(input, now());
			return await createReconciled(http, {
				send: async () => ({
					link: withShortUrl(await http.call<Link>('createLink', { body, action: action.create, proceed: options.proceed })),
					created: true,
				}),
				find: async (since) => {
					const pages = paginate<Link>((page, limit) =>
						http.call<Paged<Link>>('listLinks', { query: { search: body.original_url, page, limit }, action: action.read }),
						{ returnAll: true },
					);
					for await (const link of pages) {
						if (!madeSince(link.created_at, since)) break;
						if (matchesBody(link, body)) return { link: withShortUrl(link), created: true };
					}
					return undefined;
				},
			});
		},

		/** Linkkit's own "create or update": creates the link under this code (created) or changes the one that has it. */
		async upsert(codeInput: unknown, input: LinkInput, options: CreateOptions = {}): Promise<CreatedLink> {
			return await put(shortCodeFrom('short_code', codeInput), buildLinkBody(input, now()), options);
		},

		/**
		 * Changes only the fields given; `short_code` renames. A rename retried after a lost answer finds the old code
		 * gone (404): the link under the new code with these changes is the first attempt's result.
		 */
		async update(codeOrUrl: string, input: LinkInput & { short_code?: unknown }): Promise<LinkWithUrl> {
			const code = shortCodeFrom('short_code', codeOrUrl);
			const body = buildLinkUpdate(input, now());
			const outcome = await settle(() => http.call<Link>('updateLink', { pathParams: { shortCode: code }, body, action: action.write }));
			if (outcome.ok) return withShortUrl(outcome.value);
			const { error } = outcome;
			const renamed = body.short_code && body.short_code !== code;
			if (!(error instanceof LinkkitError) || !error.outcomeUnknown || !isNotFound(error) || !renamed) throw error;
			const moved = await getOrNothing(body.short_code as string);
			if (moved && (body.original_url === undefined || moved.original_url === body.original_url)) return moved;
			throw error;
		},

		/** Deletes the link (a retry that finds it gone after a lost answer counts as done). */
		async delete(codeOrUrl: string): Promise<{ short_code: string; deleted: true }> {
			const code = shortCodeFrom('short_code', codeOrUrl);
			await http.call('deleteLink', { pathParams: { shortCode: code }, action: action.delete });
			return { short_code: code, deleted: true };
		},
	};
}
