/**
 * What every "Get Many" shares: Return All / Limit, an optional "Filters" collection, and turning a listing into
 * output items. Linkkit pages some lists (links, QR codes, clicks, conversions) and answers others whole (segments,
 * tags, campaign settings, domains, workspaces); Return All / Limit mean the same for both.
 */

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collect, type PaginateOptions } from '../../../../core';
import { asJson } from './execution';
import { byLabel, limitField, returnAllField } from './fields';

/** Return All, then Limit (shown only when Return All is off). */
export const pagingFields: INodeProperties[] = [returnAllField, limitField];

/** The optional "Filters" collection around an operation's own filter fields. */
export function filtersField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: byLabel(options),
	};
}

/** Return All / Limit as the core's paging options; the limit is only read when it is shown. */
export function readPaging(ctx: IExecuteFunctions, itemIndex: number): Pick<PaginateOptions, 'returnAll' | 'limit'> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
	return { returnAll, limit };
}

/** The filters a person added (none added: an empty object). */
export function readFilters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
}

/** Every item of a paged listing as one output item each. */
export async function emitMany<T extends object>(listing: AsyncIterable<T>): Promise<IDataObject[]> {
	return (await collect(listing)).map((item) => asJson(item));
}

/** A list Linkkit answers whole, cut to Return All / Limit. */
export function emitWhole<T extends object>(all: T[], paging: Pick<PaginateOptions, 'returnAll' | 'limit'>): IDataObject[] {
	return (paging.returnAll ? all : all.slice(0, Math.max(0, paging.limit ?? 50))).map((item) => asJson(item));
}
