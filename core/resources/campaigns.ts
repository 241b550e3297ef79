/** Campaigns: validated request bodies and the calls that send them. */

import type { components } from '../generated/openapi';
import type { LinkkitHttp } from '../http';
import { inputError } from '../errors';
import { paginate, type Page, type PaginateOptions } from '../pagination';
import { newIdempotencyKey } from '../idempotency';
import { isBlank, limits, validateDomain, validateId, validateIsoDate, validateText, validateUtm } from '../validation';
import { commonListQuery, put, type ListFilters } from './common';

type Schemas = components['schemas'];
export type Campaign = Schemas['Campaign'];
export type CampaignCreate = Schemas['CampaignCreate'];
export type CampaignUpdate = Schemas['CampaignUpdate'];
export type CampaignStatus = Schemas['CampaignStatus'];

export const campaignStatuses: ReadonlyArray<CampaignStatus> = ['active', 'paused', 'archived'];

export interface CampaignInput {
	name?: unknown;
	description?: unknown;
	status?: unknown;
	defaultDomain?: unknown;
	utm?: unknown;
	startsAt?: unknown;
	endsAt?: unknown;
}

function validateStatus(value: unknown): CampaignStatus {
	if (!campaignStatuses.includes(value as CampaignStatus)) {
		throw inputError('status', `"${String(value)}" is not one of ${campaignStatuses.join(', ')}`);
	}
	return value as CampaignStatus;
}

function checkPeriod(startsAt: string | null | undefined, endsAt: string | null | undefined): void {
	if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
		throw inputError('endsAt', 'must be after the start date');
	}
}

export function buildCampaignCreate(input: CampaignInput): CampaignCreate {
	if (isBlank(input.name)) throw inputError('name', 'is required');
	const body: CampaignCreate = { name: validateText('name', input.name, limits.nameMaxLength) };
	put(body, 'description', input.description, (v) => validateText('description', v, limits.descriptionMaxLength));
	put(body, 'status', input.status, validateStatus);
	put(body, 'defaultDomain', input.defaultDomain, (v) => validateDomain('defaultDomain', v));
	put(body, 'utm', input.utm, (v) => validateUtm('utm', v));
	put(body, 'startsAt', input.startsAt, (v) => validateIsoDate('startsAt', v));
	put(body, 'endsAt', input.endsAt, (v) => validateIsoDate('endsAt', v));
	if (body.utm === undefined) delete body.utm;
	checkPeriod(body.startsAt, body.endsAt);
	return body;
}

export function buildCampaignUpdate(input: CampaignInput): CampaignUpdate {
	const body: CampaignUpdate = {};
	put(body, 'name', input.name, (v) => validateText('name', v, limits.nameMaxLength));
	put(body, 'description', input.description, (v) => validateText('description', v, limits.descriptionMaxLength), true);
	put(body, 'status', input.status, validateStatus);
	put(body, 'defaultDomain', input.defaultDomain, (v) => validateDomain('defaultDomain', v), true);
	put(body, 'utm', input.utm, (v) => validateUtm('utm', v));
	put(body, 'startsAt', input.startsAt, (v) => validateIsoDate('startsAt', v), true);
	put(body, 'endsAt', input.endsAt, (v) => validateIsoDate('endsAt', v), true);
	if (body.utm === undefined) delete body.utm;
	checkPeriod(body.startsAt, body.endsAt);
	if (Object.keys(body).length === 0) throw inputError('fields', 'give at least one field to change');
	return body;
}

export interface CampaignFilters extends ListFilters {
	search?: string;
	name?: string;
	status?: CampaignStatus;
}

function campaignQuery(filters: CampaignFilters) {
	const query = commonListQuery(filters);
	if (!isBlank(filters.search)) query.search = validateText('search', filters.search, 200);
	if (!isBlank(filters.name)) query.name = validateText('name', filters.name, limits.nameMaxLength);
	if (!isBlank(filters.status)) query.status = validateStatus(filters.status);
	return query;
}

export function campaignsApi(http: LinkkitHttp) {
	return {
		listPage(filters: CampaignFilters = {}, page: { cursor?: string; limit?: number } = {}) {
			return http.call<Page<Campaign>>('listCampaigns', { query: { ...campaignQuery(filters), ...page }, action: 'list campaigns' });
		},
		iterate(filters: CampaignFilters = {}, options: PaginateOptions = {}) {
			const query = campaignQuery(filters);
			return paginate<Campaign>(
				(cursor, limit) => http.call<Page<Campaign>>('listCampaigns', { query: { ...query, cursor, limit }, action: 'list campaigns' }),
				options,
			);
		},
		/**
		 * Names are unique per account (case-insensitive), so this finds at most one. A blank name is refused: Linkkit
		 * would read a missing filter as "any campaign" and hand back the newest, an unrelated one.
		 */
		async findByName(name: string): Promise<Campaign | undefined> {
			if (isBlank(name)) throw inputError('name', 'fill in the campaign name to search for');
			const page = await http.call<Page<Campaign>>('listCampaigns', { query: campaignQuery({ name }), action: 'list campaigns' });
			return page.data[0];
		},
		get(id: string) {
			return http.call<Campaign>('getCampaign', { pathParams: { id: validateId('campaignId', id, 'campaign') }, action: 'read campaigns' });
		},
		create(input: CampaignInput, options: { idempotencyKey?: string } = {}) {
			return http.call<Campaign>('createCampaign', {
				body: buildCampaignCreate(input),
				idempotencyKey: options.idempotencyKey ?? newIdempotencyKey(),
				action: 'create campaigns',
			});
		},
		update(id: string, input: CampaignInput) {
			return http.call<Campaign>('updateCampaign', {
				pathParams: { id: validateId('campaignId', id, 'campaign') },
				body: buildCampaignUpdate(input),
				action: 'update campaigns',
			});
		},
		async delete(id: string): Promise<{ id: string; deleted: true }> {
			const campaignId = validateId('campaignId', id, 'campaign');
			await http.call('deleteCampaign', { pathParams: { id: campaignId }, action: 'delete campaigns' });
			return { id: campaignId, deleted: true };
		},
	};
}
