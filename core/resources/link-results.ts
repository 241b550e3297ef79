/**
 * Shapes both platforms make from link results: a small flat view of a link (for "Simplify" outputs
 * and Zapier fields), and the error a failed entry of a bulk create stands for.
 */

import { LinkkitError } from '../errors';
import type { BulkCreateResult, Link } from './links';

export interface SimpleLink {
	id: string;
	shortUrl: string;
	domain: string;
	slug: string;
	destination: string;
	title: string | null;
	tags: string[];
	campaignId: string | null;
	clicks: number;
	expiresAt: string | null;
	createdAt: string;
	updatedAt: string;
}

/**
 * The fields people usually map onward; UTM, description and segment-route detail is left out. Every kept
 * field has the same name and shape as in the full link (tags stay a list), so a workflow mapping a
 * simplified Get result reads the same as one mapping Create or Update output.
 */
export function simplifyLink(link: Link): SimpleLink {
	return {
		id: link.id,
		shortUrl: link.shortUrl,
		domain: link.domain,
		slug: link.slug,
		destination: link.destination,
		title: link.title,
		tags: link.tags,
		campaignId: link.campaignId,
		clicks: link.clicks,
		expiresAt: link.expiresAt,
		createdAt: link.createdAt,
		updatedAt: link.updatedAt,
	};
}

type BulkEntry = BulkCreateResult['data'][number];
type FailedEntry = Extract<BulkEntry, { error: unknown }>;

export function isFailedBulkEntry(entry: BulkEntry): entry is FailedEntry {
	return 'error' in entry;
}

/**
 * One failed entry of `POST /v1/links/bulk` as a LinkkitError, so a platform reports it like any other
 * refused create (the batch itself succeeded, hence no HTTP status).
 */
export function bulkEntryError(entry: FailedEntry): LinkkitError {
	const { code, message, details = [], requestId } = entry.error;
	const fields = details.length ? ` (${details.map((d) => `${d.field}: ${d.message}`).join('; ')})` : '';
	return new LinkkitError({
		code,
		details,
		requestId,
		apiMessage: message,
		operation: 'POST /v1/links/bulk',
		message: `Linkkit did not create this link: ${message}${fields}.`,
	});
}
