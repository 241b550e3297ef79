/**
 * The rules for creating and changing links that the schema cannot express, shared by POST, PUT, PATCH, DELETE and
 * bulk: the plan limit (403, A8), the workspace's own domains and lists (A9), the safety checks (422, A10), short
 * codes held elsewhere (409, A6), and the events every change emits (A19). Requests arrive schema-valid.
 */
import { nowIso, type SandboxContext } from '../context';
import { badRequest, conflict, forbidden, unprocessable } from '../http/errors';
import { newUuid } from '../ids';
import type { WorkspaceState } from '../state/workspace-state';
import type { BulkCreateResult, Link } from '../state/types';
import { failsSafetyChecks, SAFETY_MESSAGE } from './safety';
import { freeCode } from './short-code';

/** The writable fields of a link, as POST, PUT, PATCH and bulk entries carry them. */
export interface LinkInput {
	original_url?: string;
	title?: string | null;
	custom_domain?: string | null;
	is_active?: boolean;
	expire_at?: string | null;
	notes?: string | null;
	list_id?: string | null;
	short_code?: string;
}

const PLAN_LIMIT_REACHED = 'Plan limit reached';

/** A reference the workspace does not have (A9); the message, or undefined when all are known. */
function referenceProblem(workspace: WorkspaceState, input: LinkInput): string | undefined {
	if (input.custom_domain && !workspace.domainNamed(input.custom_domain)) {
		return `custom_domain ${input.custom_domain} is not a domain of this workspace`;
	}
	if (input.list_id && !workspace.lists.has(input.list_id)) return `list_id ${input.list_id} is not a list of this workspace`;
	return undefined;
}

/** The checks every write runs on its input: 400 (or the operation's own validation status) and 422. */
function checkInput(workspace: WorkspaceState, input: LinkInput, invalidStatus: 400 | 422): void {
	const problem = referenceProblem(workspace, input);
	if (problem) throw invalidStatus === 400 ? badRequest(problem) : unprocessable(problem);
	if (input.original_url !== undefined && failsSafetyChecks(input.original_url)) throw unprocessable(SAFETY_MESSAGE);
}

function checkPlan(workspace: WorkspaceState, adding: number, message = PLAN_LIMIT_REACHED): void {
	if (workspace.linkLimit !== null && workspace.links.size + adding > workspace.linkLimit) throw forbidden(message);
}

/** Only the fields given; a domain is kept as the workspace spells it, a time as the sandbox writes it. */
function fieldsOf(workspace: WorkspaceState, input: LinkInput): Partial<Link> {
	const fields: Partial<Link> = {};
	if (input.original_url !== undefined) fields.original_url = input.original_url;
	if (input.title !== undefined) fields.title = input.title;
	if (input.custom_domain !== undefined) fields.custom_domain = input.custom_domain ? workspace.domainNamed(input.custom_domain)!.domain : null;
	if (input.is_active !== undefined) fields.is_active = input.is_active;
	if (input.expire_at !== undefined) fields.expire_at = input.expire_at === null ? null : new Date(input.expire_at).toISOString();
	if (input.notes !== undefined) fields.notes = input.notes;
	if (input.list_id !== undefined) fields.list_id = input.list_id;
	if (input.short_code !== undefined) fields.short_code = input.short_code;
	return fields;
}

function newLink(workspace: WorkspaceState, input: LinkInput, code: string, at: string): Link {
	return {
		id: newUuid(),
		short_code: code,
		original_url: input.original_url!,
		title: null,
		custom_domain: null,
		is_active: true,
		expire_at: null,
		notes: null,
		list_id: null,
		created_at: at,
		updated_at: at,
		...fieldsOf(workspace, input),
	};
}

/** POST /v1/links: a code Linkkit picks. */
export function createLink(context: SandboxContext, workspace: WorkspaceState, input: LinkInput): Link {
	checkInput(workspace, input, 400);
	checkPlan(workspace, 1);
	const link = newLink(workspace, { ...input, short_code: undefined }, freeCode(context.store), nowIso(context));
	context.store.putLink(workspace, link);
	context.events.emit(workspace.workspace.id, 'link.created', link);
	return link;
}

/** The link with the fields given changed, or the same object when nothing changes. */
function changed(link: Link, fields: Partial<Link>, at: string): Link {
	const differs = (Object.keys(fields) as Array<keyof Link>).some((key) => fields[key] !== link[key]);
	return differs ? { ...link, ...fields, updated_at: at } : link;
}

function saveUpdate(context: SandboxContext, workspace: WorkspaceState, before: Link, after: Link): Link {
	if (after === before) return before;
	context.store.putLink(workspace, after);
	context.events.emit(workspace.workspace.id, 'link.updated', after);
	return after;
}

/**
 * PUT /v1/links/{code}: creates under the code when it is free (201), or updates the workspace's link that has it
 * (200, only the fields given; an update that changes nothing leaves updated_at and emits no event). A code another
 * workspace holds is 409 (A6).
 */
export function upsertLink(context: SandboxContext, workspace: WorkspaceState, code: string, input: LinkInput): { link: Link; created: boolean } {
	const owner = context.store.ownerOfCode(code);
	if (owner && owner.workspace !== workspace) throw conflict('short_code already taken');
	checkInput(workspace, input, 400);
	const existing = owner ? workspace.links.get(owner.linkId) : undefined;
	if (existing) return { link: saveUpdate(context, workspace, existing, changed(existing, fieldsOf(workspace, input), nowIso(context))), created: false };
	checkPlan(workspace, 1);
	const link = newLink(workspace, { ...input, short_code: undefined }, code, nowIso(context));
	context.store.putLink(workspace, link);
	context.events.emit(workspace.workspace.id, 'link.created', link);
	return { link, created: true };
}

/** PATCH /v1/links/{code}: the fields given; `short_code` renames (409 when any workspace holds the new code). */
export function updateLink(context: SandboxContext, workspace: WorkspaceState, link: Link, input: LinkInput): Link {
	if (input.short_code !== undefined && input.short_code !== link.short_code && context.store.ownerOfCode(input.short_code)) {
		throw conflict('short_code already taken');
	}
	// PATCH documents 422 for a validation error and no 400.
	checkInput(workspace, input, 422);
	return saveUpdate(context, workspace, link, changed(link, fieldsOf(workspace, input), nowIso(context)));
}

export function deleteLink(context: SandboxContext, workspace: WorkspaceState, link: Link): void {
	context.store.deleteLink(workspace, link);
	context.events.emit(workspace.workspace.id, 'link.deleted', link);
}

/**
 * POST /v1/links/bulk: every entry is checked on its own and one that fails is skipped and named in `errors`; the
 * others are created together (one timestamp, request order, each with its own code, A13), or none when the plan
 * limit would be exceeded (403).
 */
export function bulkCreate(context: SandboxContext, workspace: WorkspaceState, entries: LinkInput[]): BulkCreateResult {
	const errors: BulkCreateResult['errors'] = [];
	const valid: LinkInput[] = [];
	for (const entry of entries) {
		const problem = referenceProblem(workspace, entry) ?? (failsSafetyChecks(entry.original_url!) ? SAFETY_MESSAGE : undefined);
		if (problem) errors.push({ url: entry.original_url!, reason: problem });
		else valid.push({ original_url: entry.original_url, title: entry.title, notes: entry.notes, custom_domain: entry.custom_domain });
	}
	checkPlan(workspace, valid.length, 'Plan limit would be exceeded');
	const at = nowIso(context);
	const taken = new Set<string>();
	const links = valid.map((entry) => {
		let code = freeCode(context.store);
		while (taken.has(code)) code = freeCode(context.store);
		taken.add(code);
		return newLink(workspace, entry, code, at);
	});
	context.store.addLinks(workspace, links);
	for (const link of links) context.events.emit(workspace.workspace.id, 'link.created', link);
	return { created: links.length, skipped: errors.length, errors };
}
