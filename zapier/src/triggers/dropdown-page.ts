/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * Dynamic dropdowns page with Linkkit's cursor: Zapier asks for page 0, 1, 2 … and keeps the cursor between those
 * calls in `z.cursor`. An empty stored cursor after page 0 means the list has ended.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { MAX_PAGE_SIZE, type Page } from '../../../core';

export async function dropdownPage<T>(
	z: ZObject,
	bundle: Bundle,
	fetchPage: (page: { cursor?: string; limit: number }) => Promise<Page<T>>,
): Promise<T[]> {
	let cursor: string | undefined;
	if (bundle.meta?.page) {
		cursor = (await z.cursor.get()) || undefined;
		if (!cursor) return [];
	}
	const page = await fetchPage({ cursor, limit: MAX_PAGE_SIZE });
	await z.cursor.set(page.nextCursor ?? '');
	return page.data;
}
