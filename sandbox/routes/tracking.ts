/**
 * POST /track/lead and /track/sale: public, authenticated by the workspace's publishable key in the body (401 when
 * it is not one, A28); not rate limited (A3).
 */
import { Router } from 'express';
import type { SandboxContext } from '../context';
import { unauthorized } from '../http/errors';
import { presentConversion } from '../conversions/present';
import { recordConversion, type TrackInput } from '../conversions/record';
import type { ConversionType } from '../state/types';

/** Publishable key → workspace id. */
export type PublishableKeys = ReadonlyMap<string, string>;

export function trackingRouter(context: SandboxContext, publishableKeys: PublishableKeys): Router {
	const router = Router();

	const track = (type: ConversionType) =>
		router.post(`/track/${type}`, (req, res) => {
			const body = req.body as TrackInput & { publishable_key: string };
			const workspaceId = publishableKeys.get(body.publishable_key);
			const workspace = workspaceId ? context.store.workspace(workspaceId) : undefined;
			if (!workspace) throw unauthorized('Invalid publishable key');
			res.status(201).json(presentConversion(workspace, recordConversion(context, workspace, type, body)));
		});
	track('lead');
	track('sale');

	return router;
}
