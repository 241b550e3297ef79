/**
 * Conversions: leads and sales. Reading them takes the API key; recording one (`/track/lead`, `/track/sale`) takes the
 * workspace's publishable key (`pk_…`) in the body instead, the way a website would send it. `lkclid`, the click ID
 * Linkkit appends to the destination, ties a conversion to the click and its link.
 *
 * Recording has no safe repeat (no idempotency key); a lost answer is looked for among the customer's conversions
 * made since the attempt (same type, event, amount and invoice) before it is sent again (reconcile.ts).
 */

import { inputError } from '../errors';
import type { LinkkitHttp } from '../http';
import { paginate, type Paged, type PaginateOptions } from '../pagination';
import { resolveDateRange, type DateRangeInput } from '../date-range';
import {
	isBlank,
	validateCents,
	validateCurrency,
	validateEmail,
	validateJsonObject,
	validateRequiredText,
	validateText,
	validateUuid,
} from '../validation';
import { put, type Schemas } from './common';
import { createReconciled, madeSince } from './reconcile';

export type Conversion = Schemas['Conversion'];
export type ConversionType = Schemas['ConversionType'];
export const conversionTypes: ReadonlyArray<ConversionType> = ['lead', 'sale'];

export interface ConversionFilters extends DateRangeInput {
	customer_external_id?: string;
	invoice_id?: string;
	type?: ConversionType;
}

export interface TrackInput {
	customer_external_id?: unknown;
	lkclid?: unknown;
	event_name?: unknown;
	customer_name?: unknown;
	customer_email?: unknown;
	metadata?: unknown;
	/** Sales only. */
	amount?: unknown;
	currency?: unknown;
	payment_processor?: unknown;
	invoice_id?: unknown;
}

interface TrackBody {
	publishable_key: string;
	customer_external_id: string;
	lkclid?: string;
	event_name?: string;
	customer_name?: string;
	customer_email?: string;
	metadata?: Record<string, unknown>;
	amount?: number;
	currency?: string;
	payment_processor?: string;
	invoice_id?: string;
}

export function conversionsApi(http: LinkkitHttp, now: () => number, publishableKey: () => string | undefined) {
	const filtersQuery = (filters: ConversionFilters) => {
		const query: Record<string, string> = { ...resolveDateRange(filters, now()) } as Record<string, string>;
		if (!isBlank(filters.customer_external_id)) query.customer_external_id = validateText('customer_external_id', filters.customer_external_id, 500);
		if (!isBlank(filters.invoice_id)) query.invoice_id = validateText('invoice_id', filters.invoice_id, 500);
		if (!isBlank(filters.type)) {
			if (!conversionTypes.includes(filters.type)) throw inputError('type', `"${String(filters.type)}" is not lead or sale`);
			query.type = filters.type;
		}
		return query;
	};
	const iterate = (filters: ConversionFilters = {}, options: PaginateOptions = {}) => {
		const query = filtersQuery(filters);
		return paginate<Conversion>((page, limit) => http.call<Paged<Conversion>>('listConversions', { query: { ...query, page, limit }, action: 'read conversions' }), options);
	};

	const track = async (type: ConversionType, input: TrackInput): Promise<Conversion> => {
		const key = publishableKey();
		if (isBlank(key)) {
			throw inputError('publishableKey', "is needed to record leads and sales: add your workspace's publishable key (pk_…) to the Linkkit credential");
		}
		const body: TrackBody = { publishable_key: key as string, customer_external_id: validateRequiredText('customer_external_id', input.customer_external_id, 500) };
		put(body, 'lkclid', input.lkclid, (v) => validateUuid('lkclid', v, 'click'));
		put(body, 'event_name', input.event_name, (v) => validateText('event_name', v, 200));
		put(body, 'customer_name', input.customer_name, (v) => validateText('customer_name', v, 500));
		put(body, 'customer_email', input.customer_email, (v) => validateEmail('customer_email', v));
		put(body, 'metadata', input.metadata, (v) => validateJsonObject('metadata', v));
		if (type === 'sale') {
			if (isBlank(input.amount)) throw inputError('amount', 'is required for a sale (in cents: 4999 for 49.99)');
			body.amount = validateCents('amount', input.amount);
			put(body, 'currency', input.currency, (v) => validateCurrency('currency', v));
			put(body, 'payment_processor', input.payment_processor, (v) => validateText('payment_processor', v, 100));
			put(body, 'invoice_id', input.invoice_id, (v) => validateText('invoice_id', v, 500));
		}
		return await createReconciled(http, {
			send: () => http.call<Conversion>(type === 'sale' ? 'trackSale' : 'trackLead', { body, action: `record ${type}s` }),
			find: async (since) => {
				const pages = iterate({ customer_external_id: body.customer_external_id, type }, { returnAll: true });
				for await (const conversion of pages) {
					if (!madeSince(conversion.created_at, since)) return undefined;
					const sameEvent = body.event_name === undefined || conversion.event_name === body.event_name;
					const sameSale = type === 'lead' || (conversion.amount === body.amount && (body.invoice_id === undefined || conversion.invoice_id === body.invoice_id));
					if (sameEvent && sameSale) return conversion;
				}
				return undefined;
			},
		});
	};

	return {
		iterate,
		trackLead: (input: TrackInput) => track('lead', input),
		trackSale: (input: TrackInput) => track('sale', input),
	};
}
