/** The workspace the request's API key acts in (A25), as the auth middleware found it. */
import type { Response } from 'express';
import type { SandboxContext } from '../context';
import type { Caller } from '../http/auth';
import { notFound } from '../http/errors';
import type { Link } from '../state/types';
import type { WorkspaceState } from '../state/workspace-state';

export function callerWorkspace(context: SandboxContext, res: Response): WorkspaceState {
	const caller = res.locals.caller as Caller;
	const workspace = context.store.workspace(caller.workspaceId);
	if (!workspace) throw new Error(`The key's workspace ${caller.workspaceId} is not in the store`);
	return workspace;
}

/** The workspace's link with this code; a code of another workspace is as unknown as a free one. */
export function linkOfWorkspace(context: SandboxContext, workspace: WorkspaceState, code: string): Link {
	const found = context.store.linkByCode(code);
	if (!found || found.workspace !== workspace) throw notFound('Link not found');
	return found.link;
}
