/**
 * /v1/hooks: subscribe (201 with the signing secret, shown only here, A22) and unsubscribe (`{unsubscribed: true}`,
 * which also stops the subscription's pending retries). Targets must be on this machine's loopback (A23); events
 * outside the documented enum are refused by the contract's validator (A24).
 */
import { Router } from 'express';
import { nowIso, type SandboxContext } from '../context';
import { badRequest, notFound } from '../http/errors';
import { newHookSecret, newUuid } from '../ids';
import type { Hook, WebhookEvent } from '../state/types';
import { isLoopbackTarget } from '../webhooks/loopback';
import { callerWorkspace } from './caller';

export interface HookCancellation {
	cancelHook(hookId: string): void;
}

export function hooksRouter(context: SandboxContext, deliveries: HookCancellation): Router {
	const router = Router();

	router.post('/v1/hooks', (req, res) => {
		const { event, target_url } = req.body as { event: WebhookEvent; target_url: string };
		if (!isLoopbackTarget(target_url)) {
			throw badRequest('target_url must be an http(s) URL on 127.0.0.1, localhost or [::1] (the sandbox never calls out)');
		}
		const hook: Hook = { id: newUuid(), event, url: target_url, secret: newHookSecret(), is_active: true, created_at: nowIso(context) };
		context.store.putHook(callerWorkspace(context, res), hook);
		res.status(201).json(hook);
	});

	router.delete('/v1/hooks/:id', (req, res) => {
		const workspace = callerWorkspace(context, res);
		if (!workspace.hooks.has(req.params.id)) throw notFound('Webhook not found');
		context.store.deleteHook(workspace, req.params.id);
		deliveries.cancelHook(req.params.id);
		res.json({ unsubscribed: true });
	});

	return router;
}
