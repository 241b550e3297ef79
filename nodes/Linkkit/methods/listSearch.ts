/**
 * The searchable lists behind the link, campaign and segment pickers. Each call fetches one page; n8n
 * asks for the next with the `paginationToken` we hand back (Linkkit's cursor).
 */

import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { linkLabel } from '../../../core';
import { linkkitClient } from '../transport';

const PAGE_SIZE = 50;

function searchText(filter?: string): string | undefined {
	const text = filter?.trim();
	return text ? text : undefined;
}

export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const client = await linkkitClient(this);
	const page = await client.campaigns.listPage({ search: searchText(filter) }, { cursor: paginationToken, limit: PAGE_SIZE });
	return {
		results: page.data.map((campaign) => ({ name: campaign.name, value: campaign.id })),
		paginationToken: page.nextCursor ?? undefined,
	};
}

export async function searchSegments(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const client = await linkkitClient(this);
	const page = await client.segments.listPage({ search: searchText(filter) }, { cursor: paginationToken, limit: PAGE_SIZE });
	return {
		results: page.data.map((segment) => ({ name: segment.name, value: segment.id })),
		paginationToken: page.nextCursor ?? undefined,
	};
}

export async function searchLinks(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const client = await linkkitClient(this);
	const page = await client.links.listPage({ search: searchText(filter) }, { cursor: paginationToken, limit: PAGE_SIZE });
	return {
		results: page.data.map((link) => ({
			name: linkLabel(link),
			value: link.id,
			// No `url`: n8n's open icon would visit the short link itself and count a real click.
		})),
		paginationToken: page.nextCursor ?? undefined,
	};
}
