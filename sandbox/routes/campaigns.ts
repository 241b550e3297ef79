/** /v1/campaigns: names are unique (case-insensitive), `linkCount` is live, deleting keeps the links. */
import { Router } from 'express';
import { isAccountDomain } from '../account';
import { nowIso, type SandboxContext } from '../context';
import { conflict, notFound, unprocessable } from '../errors';
import { newId } from '../ids';
import { EMPTY_UTM, mergeUtm } from '../link-writes';
import { listPage, readListQuery } from '../pagination';
import type { Campaign, CampaignCreate, CampaignUpdate, StoredCampaign } from '../types';

type Query = Record<string, string | undefined>;

export function presentCampaign(context: SandboxContext, campaign: StoredCampaign): Campaign {
	return { ...campaign, linkCount: context.store.linkCount(campaign.id) };
}

function findCampaign(context: SandboxContext, id: string): StoredCampaign {
	const campaign = context.store.campaigns.get(id);
	if (!campaign) throw notFound(`No campaign ${id} in this account.`);
	return campaign;
}

function assertNameFree(context: SandboxContext, name: string, exceptId?: string): void {
	const lower = name.toLowerCase();
	for (const campaign of context.store.campaigns.values()) {
		if (campaign.id !== exceptId && campaign.name.toLowerCase() === lower) {
			throw conflict(`A campaign named "${campaign.name}" already exists.`);
		}
	}
}

/** Rules the schema cannot say: the default domain must be the account's, and a campaign cannot end before it starts. */
function assertSemantics(campaign: Pick<StoredCampaign, 'defaultDomain' | 'startsAt' | 'endsAt'>): void {
	if (campaign.defaultDomain && !isAccountDomain(campaign.defaultDomain)) {
		throw unprocessable('defaultDomain', `The domain ${campaign.defaultDomain} is not set up in this account.`);
	}
	if (campaign.startsAt && campaign.endsAt && Date.parse(campaign.endsAt) < Date.parse(campaign.startsAt)) {
		throw unprocessable('endsAt', 'endsAt is before startsAt.');
	}
}

function matchesFilters(campaign: StoredCampaign, query: Query): boolean {
	const name = campaign.name.toLowerCase();
	if (query.search && !name.includes(query.search.toLowerCase())) return false;
	if (query.name && name !== query.name.toLowerCase()) return false;
	if (query.status && campaign.status !== query.status) return false;
	return true;
}

export function campaignsRouter(context: SandboxContext): Router {
	const router = Router();

	router.get('/v1/campaigns', (req, res) => {
		const campaigns = context.store.visibility.view(context.store.campaigns.values()).filter((c) => matchesFilters(c, req.query as Query));
		const page = listPage(campaigns, readListQuery(req.query));
		res.json({ ...page, data: page.data.map((campaign) => presentCampaign(context, campaign)) });
	});

	router.post('/v1/campaigns', (req, res) => {
		const input = req.body as CampaignCreate;
		const now = nowIso(context);
		const campaign: StoredCampaign = {
			id: newId('cmp'),
			name: input.name,
			description: input.description ?? null,
			status: input.status ?? 'active',
			defaultDomain: input.defaultDomain?.toLowerCase() ?? null,
			utm: mergeUtm(EMPTY_UTM, input.utm),
			startsAt: input.startsAt ?? null,
			endsAt: input.endsAt ?? null,
			createdAt: now,
			updatedAt: now,
		};
		assertSemantics(campaign);
		assertNameFree(context, campaign.name);
		context.store.putCampaign(campaign);
		res.status(201).json(presentCampaign(context, campaign));
	});

	router.get('/v1/campaigns/:id', (req, res) => {
		res.json(presentCampaign(context, findCampaign(context, req.params.id)));
	});

	router.patch('/v1/campaigns/:id', (req, res) => {
		const current = findCampaign(context, req.params.id);
		const patch = req.body as CampaignUpdate;
		const updated: StoredCampaign = {
			...current,
			...patch,
			defaultDomain: patch.defaultDomain !== undefined ? (patch.defaultDomain?.toLowerCase() ?? null) : current.defaultDomain,
			utm: mergeUtm(current.utm, patch.utm),
			updatedAt: nowIso(context),
		};
		assertSemantics(updated);
		if (patch.name !== undefined) assertNameFree(context, patch.name, current.id);
		context.store.putCampaign(updated);
		res.json(presentCampaign(context, updated));
	});

	router.delete('/v1/campaigns/:id', (req, res) => {
		findCampaign(context, req.params.id);
		context.store.deleteCampaign(req.params.id, nowIso(context));
		res.status(204).end();
	});

	return router;
}
