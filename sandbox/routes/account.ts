/**
 * Who the key is: `/v1/auth/test` (its user and its own workspace, A25) and `/v1/workspaces` (every workspace of
 * that user, with its role and plan, oldest first), plus the public `/health`.
 */
import { Router } from 'express';
import type { SandboxContext } from '../context';
import { unpaged } from '../http/paging';
import { callerWorkspace } from './caller';

export function accountRouter(context: SandboxContext): Router {
	const router = Router();

	router.get('/health', (_req, res) => {
		res.json({ status: 'ok' });
	});

	router.get('/v1/auth/test', (_req, res) => {
		const { user } = context.store;
		res.json({ user_id: user.id, workspace_id: callerWorkspace(context, res).workspace.id, email: user.email, name: user.name });
	});

	router.get('/v1/workspaces', (_req, res) => {
		res.json(unpaged(context.store.workspaces.map((workspace) => workspace.workspace)));
	});

	return router;
}
