/**
 * Bulk import (`POST /v1/links/bulk`): up to 1 000 links per request, for imports of thousands where counts and
 * per-row errors are enough. Linkkit answers counts and the URLs it skipped, not the links, so each row's outcome is
 * read from those: a row whose URL is among `errors` was skipped for the reason given, every other sent row created.
 *
 * A lost answer is not sent again blindly (that would import the batch twice): the links created since the attempt
 * are read (after lists have settled, reconcile.ts) and, if the batch's URLs are among them, the batch counts as
 * imported (Linkkit imports a request's valid rows together, docs/assumptions.md A13). The skipped rows' reasons are
 * then unknown and say so.
 */

import { LinkkitError } from '../errors';
import type { LinkkitHttp } from '../http';
import { paginate, type Paged } from '../pagination';
import { isBlank, limits, validateDomainName, validateText, validateUrl } from '../validation';
import { put, type Schemas } from './common';
import type { Link } from './links';
import { createReconciled, madeSince } from './reconcile';

export type BulkCreateResult = Schemas['BulkCreateResult'];

export interface BulkRowInput {
	original_url?: unknown;
	title?: unknown;
	notes?: unknown;
	custom_domain?: unknown;
}

interface BulkRowBody {
	original_url: string;
	title?: string;
	notes?: string;
	custom_domain?: string;
}

export type BulkRowStatus = 'created' | 'skipped' | 'invalid' | 'unknown';

/** One input row's outcome, in input order. */
export interface BulkRowResult {
	index: number;
	original_url: string;
	status: BulkRowStatus;
	/** Why a row was skipped (Linkkit's reason) or refused before sending (our check). */
	reason?: string;
}

export interface BulkImportResult {
	created: number;
	skipped: number;
	/** Rows refused before sending. */
	invalid: number;
	rows: BulkRowResult[];
}

function buildRow(input: BulkRowInput): BulkRowBody {
	const body: BulkRowBody = { original_url: validateUrl('original_url', input.original_url) };
	put(body, 'title', input.title, (v) => validateText('title', v, 500));
	put(body, 'notes', input.notes, (v) => validateText('notes', v, 5000));
	put(body, 'custom_domain', input.custom_domain, (v) => validateDomainName('custom_domain', v));
	return body;
}

/** Splits rows into requests of at most `size` (Linkkit's maximum is 1 000). */
export function batches<T>(rows: T[], size: number = limits.bulkMaxLinks): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

export function bulkImportApi(http: LinkkitHttp) {
	/** Counts the batch's URLs among the links created since `since`: how many of each URL Linkkit now holds. */
	const createdSince = async (since: number, urls: Set<string>): Promise<Map<string, number>> => {
		const found = new Map<string, number>();
		const pages = paginate<Link>((page, limit) => http.call<Paged<Link>>('listLinks', { query: { page, limit }, action: 'read links' }), { returnAll: true });
		for await (const link of pages) {
			if (!madeSince(link.created_at, since)) break;
			if (urls.has(link.original_url)) found.set(link.original_url, (found.get(link.original_url) ?? 0) + 1);
		}
		return found;
	};

	return {
		/**
		 * Imports up to 1 000 rows in one request. Rows that fail our checks are not sent and come back `invalid`.
		 * `proceed` as in CallOptions.
		 */
		async importBatch(rows: BulkRowInput[], options: { proceed?: () => boolean } = {}): Promise<BulkImportResult> {
			if (rows.length > limits.bulkMaxLinks) throw new LinkkitError({ code: 'invalid_input', message: `A bulk import takes at most ${limits.bulkMaxLinks} rows per request; got ${rows.length}.` });
			const results: BulkRowResult[] = [];
			const sent: Array<{ index: number; body: BulkRowBody }> = [];
			rows.forEach((row, index) => {
				try {
					sent.push({ index, body: buildRow(row) });
				} catch (error) {
					results.push({ index, original_url: isBlank(row.original_url) ? '' : String(row.original_url), status: 'invalid', reason: (error as Error).message });
				}
			});
			if (sent.length) {
				const urls = new Set(sent.map((row) => row.body.original_url));
				let foundAfterLoss: Map<string, number> | undefined;
				const answer = await createReconciled<BulkCreateResult>(http, {
					send: () => http.call<BulkCreateResult>('bulkCreateLinks', { body: { links: sent.map((row) => row.body) }, action: 'create links', proceed: options.proceed }),
					find: async (since) => {
						const found = await createdSince(since, urls);
						if (found.size === 0) return undefined;
						foundAfterLoss = found;
						return { created: [...found.values()].reduce((a, b) => a + b, 0), skipped: 0, errors: [] };
					},
				});
				const skippedBecause = new Map((answer.errors ?? []).map((e) => [e.url ?? '', e.reason ?? 'skipped by Linkkit']));
				for (const row of sent) {
					const url = row.body.original_url;
					if (foundAfterLoss && !foundAfterLoss.has(url)) {
						results.push({ index: row.index, original_url: url, status: 'unknown', reason: "Linkkit's answer was lost and no link to this URL was found afterwards: Linkkit probably skipped it (its reason is not known)" });
					} else if (skippedBecause.has(url)) {
						results.push({ index: row.index, original_url: url, status: 'skipped', reason: skippedBecause.get(url) });
					} else {
						results.push({ index: row.index, original_url: url, status: 'created' });
					}
				}
			}
			results.sort((a, b) => a.index - b.index);
			return {
				created: results.filter((r) => r.status === 'created').length,
				skipped: results.filter((r) => r.status === 'skipped' || r.status === 'unknown').length,
				invalid: results.filter((r) => r.status === 'invalid').length,
				rows: results,
			};
		},
	};
}
