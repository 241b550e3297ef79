/**
 * What identifies one create across every repeat n8n may make of it, and nothing else.
 *
 * Linkkit has no idempotency key. A link the node creates gets a short code derived from its identity
 * (core/link-codes.ts): every repeat of that create sends the same code and can only ever update its own link. The
 * identity must therefore be the same for every repeat of one create, and differ for every other create:
 *
 * - Within an execution: Retry On Fail, and a lost answer retried by the core, run in the same execution.
 * - n8n's Retry of a failed execution (Executions → Retry): n8n starts a NEW execution (new id) from a copy of the
 *   failed execution's saved data (`ExecutionService.retry` passes `execution.data` as the new run's executionData;
 *   in queue mode the worker loads that same data from the database). That data holds the execution's context data
 *   (`runExecutionData.executionData.contextData`), where `this.getContext('flow')` lives. So a random ID put there
 *   the first time a Linkkit node runs in an execution is saved with the failed execution and found again by its
 *   Retry, and by nothing else: another execution (even one started in the same millisecond, e.g. webhook bursts in
 *   queue mode) draws its own.
 * - The workflow, the node's ID (stable across renames), the run index (a loop's second pass is a new create) and
 *   the item index complete it.
 * - Duplicate Protection ID (the user's own ID for an item) replaces the execution part: the identity is then the
 *   workflow, the node, that ID and the item's content, the same in any execution, so the same row run again (after a
 *   lost execution, or the same webhook twice) gets its first link back, while a row whose details changed is new.
 */

import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identityOf, stableJson } from '../../../../core';

/** Where the execution's ID is kept in the flow context (one per execution, shared by every Linkkit node in it). */
export const EXECUTION_KEY = 'linkkitExecutionKey';
export const DUPLICATE_PROTECTION_ID = 'options.duplicateProtectionId';

/** Contexts without execution data (none known in n8n 2.x) get an ID of their own per node run. */
const fallbackKeys = new WeakMap<object, string>();

/** The execution's flow context, or undefined where n8n gives none. */
export function flowContext(ctx: IExecuteFunctions): IDataObject | undefined {
	try {
		return ctx.getContext('flow') as IDataObject;
	} catch {
		return undefined;
	}
}

/** This execution's random ID: made once, kept in the execution's own data, and inherited by n8n's Retry of it. */
export function executionKey(ctx: IExecuteFunctions): string {
	const flow = flowContext(ctx);
	if (flow) {
		if (typeof flow[EXECUTION_KEY] !== 'string' || !flow[EXECUTION_KEY]) flow[EXECUTION_KEY] = randomUUID();
		return flow[EXECUTION_KEY] as string;
	}
	let key = fallbackKeys.get(ctx);
	if (!key) {
		key = randomUUID();
		fallbackKeys.set(ctx, key);
	}
	return key;
}

/** n8n's run index of this node in the execution (a loop runs it several times). */
export function runIndexOf(ctx: IExecuteFunctions): number {
	return ctx.getWorkflowDataProxy(0).$thisRunIndex;
}

function scope(ctx: IExecuteFunctions, operation: string): string[] {
	const node = ctx.getNode();
	return ['n8n', ctx.getWorkflow().id ?? '', node.id || node.name, operation];
}

/** The user's Duplicate Protection ID for the item, when the operation has the option and it is filled in. */
export function duplicateProtectionIdOf(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const own = String(ctx.getNodeParameter(DUPLICATE_PROTECTION_ID, itemIndex, '') ?? '').trim();
	return own || undefined;
}

/**
 * The identity of one item's create. `content` is what is sent for it; it counts only with a Duplicate Protection ID
 * (within an execution, a retry whose details changed, e.g. a field built with {{ $now }}, updates its own link
 * rather than making a second one).
 */
export function createIdentity(ctx: IExecuteFunctions, operation: string, itemIndex: number, content: unknown): string {
	const own = duplicateProtectionIdOf(ctx, itemIndex);
	if (own) return identityOf(...scope(ctx, operation), 'id', own, stableJson(content));
	return identityOf(...scope(ctx, operation), 'execution', executionKey(ctx), runIndexOf(ctx), itemIndex);
}
