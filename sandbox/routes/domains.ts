/** /v1/domains: the workspace's custom domains, read only; the list newest first, one by id with its DNS records. */
import { Router } from 'express';
import type { SandboxContext } from '../context';
import { notFound } from '../http/errors';
import { unpaged } from '../http/paging';
import type { Domain, DomainDetail } from '../state/types';
import { callerWorkspace } from './caller';

const summaryOf = ({ id, domain, is_verified, created_at }: DomainDetail): Domain => ({ id, domain, is_verified, created_at });

export function domainsRouter(context: SandboxContext): Router {
	const router = Router();

	router.get('/v1/domains', (_req, res) => {
		const domains = [...callerWorkspace(context, res).domains.values()];
		domains.sort((a, b) => (a.created_at !== b.created_at ? (a.created_at < b.created_at ? 1 : -1) : a.id < b.id ? 1 : -1));
		res.json(unpaged(domains.map(summaryOf)));
	});

	router.get('/v1/domains/:id', (req, res) => {
		const domain = callerWorkspace(context, res).domains.get(req.params.id);
		if (!domain) throw notFound('Domain not found');
		res.json(domain);
	});

	return router;
}
