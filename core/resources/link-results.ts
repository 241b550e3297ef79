/**
 * Shapes both platforms make from link results: a small flat view of a link (for "Simplify" outputs
 * and Zapier fields), and the error a failed entry of a bulk create stands for.
 */

import { LinkkitError } from '../errors';
import type { BulkCreateResult, Link } from './links';

export interface SimpleLink {
	id: string;
	shortUrl: string;
	destination: string;
	title: string | null;
	tags: string;
	campaignId: string | null;
	clicks: number;
	expiresAt: string | null;
	createdAt: string;
}

/** The fields people usually map onward; UTM and segment-route detail is left out, tags joined with ", ". */
export function simplifyLink(link: Link): SimpleLink {
	return {
		id: link.id,
		shortUrl: link.shortUrl,
		destination: link.destination,
		title: link.title,
		tags: link.tags.join(', '),
		campaignId: link.campaignId,
		clicks: link.clicks,
		expiresAt: link.expiresAt,
		createdAt: link.createdAt,
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
