/**
 * The searchable lists behind the pickers. Links come a page at a time (n8n asks for the next with the
 * `paginationToken` handed back: the next page number); Linkkit answers the other lists whole, so they are filtered
 * here by what the person typed.
 */

import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { limits, linkLabel, withShortUrl, type LinkWithUrl } from '../../../core';
import { linkkitClient } from '../transport';
import { toNodeError } from '../transport/errors';

const PAGE_SIZE = 50;

/** Runs one search; a failure reaches the editor as an n8n error with Linkkit's status and message. */
async function searching(ctx: ILoadOptionsFunctions, search: () => Promise<INodeListSearchResult>): Promise<INodeListSearchResult> {
	try {
		return await search();
	} catch (error) {
		throw toNodeError(ctx.getNode(), error);
	}
}

function typed(filter?: string): string | undefined {
	const text = filter?.trim();
	return text ? text : undefined;
}

/** Whole lists, filtered by the typed text (any case) on what the picker shows. */
function filtered(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const text = typed(filter)?.toLowerCase();
	return { results: text ? items.filter((item) => item.name.toLowerCase().includes(text)) : items };
}

/** A link as the picker shows it; its value is the short code, Linkkit's address for a link. */
function linkItem(link: LinkWithUrl): INodeListSearchItems {
	// No `url`: n8n's open icon would visit the short link itself and count a real click.
	return { name: linkLabel(link), value: link.short_code };
}

export async function searchLinks(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searching(this, async () => {
		const client = await linkkitClient(this);
		const page = Number(paginationToken) || 1;
		const search = typed(filter);
		const answer = await client.links.listPage({ search }, page, PAGE_SIZE);
		const results = answer.data.map((link) => linkItem(withShortUrl(link)));
		// Linkkit's search matches destinations and titles, not codes: a typed code is looked up too, on the first page.
		if (page === 1 && search && limits.shortCodePattern.test(search) && search.length >= limits.shortCodeMinLength) {
			const byCode = await client.links.getOrNothing(search);
			if (byCode && !results.some((item) => item.value === byCode.short_code)) results.unshift(linkItem(byCode));
		}
		const total = answer.meta?.total;
		const more = answer.data.length === PAGE_SIZE && (total === undefined || page * PAGE_SIZE < total);
		return { results, paginationToken: more ? String(page + 1) : undefined };
	});
}

export async function searchSegments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searching(this, async () => {
		const client = await linkkitClient(this);
		return filtered((await client.segments.list()).map((segment) => ({ name: segment.name ?? segment.id ?? '', value: segment.id ?? '' })), filter);
	});
}

export async function searchCampaignSettings(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searching(this, async () => {
		const client = await linkkitClient(this);
		return filtered((await client.campaignSettings.list()).map((setting) => ({ name: setting.name ?? setting.id ?? '', value: setting.id ?? '' })), filter);
	});
}

export async function searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searching(this, async () => {
		const client = await linkkitClient(this);
		return filtered((await client.tags.list()).map((tag) => ({ name: tag.name ?? tag.id ?? '', value: tag.id ?? '' })), filter);
	});
}

/** QR codes are paged; the picker reads them all (a workspace has few) and filters by name or URL. */
export async function searchQrCodes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searching(this, async () => {
		const client = await linkkitClient(this);
		const items: INodeListSearchItems[] = [];
		for await (const qr of client.qrCodes.iterate({ limit: 500 })) items.push({ name: qr.name ? `${qr.name} (${qr.url})` : (qr.url ?? qr.id ?? ''), value: qr.id ?? '' });
		return filtered(items, filter);
	});
}

const domainName = (domain: { domain?: string; is_verified?: boolean }) => `${domain.domain ?? ''}${domain.is_verified === false ? ' (not verified)' : ''}`;

/** Domains by ID, for Domain → Get. */
export async function searchDomains(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searching(this, async () => {
		const client = await linkkitClient(this);
		return filtered((await client.account.domains()).map((domain) => ({ name: domainName(domain), value: domain.id ?? '' })), filter);
	});
}

/** Domains by name, for a link's Custom Domain (links carry the name, e.g. go.acme.com). */
export async function searchCustomDomains(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searching(this, async () => {
		const client = await linkkitClient(this);
		return filtered((await client.account.domains()).map((domain) => ({ name: domainName(domain), value: domain.domain ?? '' })), filter);
	});
}
