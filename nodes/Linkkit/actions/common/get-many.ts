/**
 * What every "Get Many" operation shares: Return All / Limit, an optional "Filters" collection, the created
 * after/before filters, and turning a paged listing into output items. Parameter names here are public API (saved
 * workflows store them): `returnAll`, `limit`, `filters`, `filters.createdAfter`, `filters.createdBefore`.
 */

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collect, type PaginateOptions } from '../../../../core';
import { asJson } from './execution';
import { limitField, returnAllField } from './fields';

/** Return All, then Limit (shown only when Return All is off). */
export const pagingFields: INodeProperties[] = [returnAllField, limitField];

/** The optional "Filters" collection around an operation's own filter fields. */
export function filtersField(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** Return All / Limit as the core's paging options; the limit is only read when it is shown. */
export function readPaging(ctx: IExecuteFunctions, itemIndex: number): Pick<PaginateOptions, 'returnAll' | 'limit'> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex) as number);
	return { returnAll, limit };
}

/** The filters a person added (none added: an empty object). */
export function readFilters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
}

/** The created after/before filters as the core's list query fields. */
export function createdRange(filters: IDataObject): { createdAfter: string; createdBefore: string } {
	return { createdAfter: filters.createdAfter as string, createdBefore: filters.createdBefore as string };
}

/** Every item of a paged listing as one output item each, optionally reshaped first. */
export async function emitMany<T extends object>(listing: AsyncIterable<T>, shape: (item: T) => object = (item) => item): Promise<IDataObject[]> {
	return (await collect(listing)).map((item) => asJson(shape(item)));
}
