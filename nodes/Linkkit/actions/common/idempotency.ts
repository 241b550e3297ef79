/**
 * Idempotency keys for the node's creates. Linkkit answers a repeated key (with the same request, within 24 h) with
 * the first result, so the key must stay the same whenever n8n runs the same create again, and differ otherwise.
 *
 * What stays the same when n8n runs a create again:
 * - Retry On Fail, a loop's run index, a stalled job run again: the same execution, so everything below.
 * - n8n's Retry of a failed execution (Executions list → Retry): a NEW execution id, and n8n does not tell nodes
 *   which execution it retries (`retryOf` stays inside n8n's lifecycle hooks). But the retry continues from a copy of
 *   the failed execution's data, which includes the execution context n8n establishes when an execution is created
 *   (`getExecutionContext()`: the moment it was established, how it was started and by which trigger node). That
 *   context is the execution's origin, shared by the original and every retry of it; the execution id is the
 *   fallback where n8n has no context (n8n 1.x).
 * - Nothing links a fresh execution to an earlier one (e.g. the same webhook sent again after a worker crash made
 *   n8n throw the execution's progress away). For that the user can give "Duplicate Protection ID" (an ID from their
 *   data); the key then follows the item and what is sent for it, so a row whose details changed is a new link.
 * Within one execution's origin the key leaves the request's content out on purpose: an expression such as
 * {{ $now }} gives a retry different details, and the same key then makes Linkkit refuse (409) rather than create a
 * second link. A corrected item still goes through: Linkkit keeps only successful answers under a key.
 */

import type { IExecuteFunctions } from 'n8n-workflow';

import { deriveIdempotencyKey, stableJson } from '../../../../core';

export const DUPLICATE_PROTECTION_ID = 'options.duplicateProtectionId';

/** The execution an item belongs to, as the same text for a failed execution and n8n's retries of it. */
export function executionOrigin(ctx: IExecuteFunctions): string {
	// Older n8n (1.x) has no execution context.
	const context = typeof ctx.getExecutionContext === 'function' ? ctx.getExecutionContext() : undefined;
	if (context?.establishedAt) {
		return ['context', context.establishedAt, context.source, context.triggerNode?.name ?? '', context.parentExecutionId ?? ''].join(':');
	}
	return `execution:${ctx.getExecutionId()}`;
}

/** One input item across repeats: the user's own ID and the item's details, else its place in this execution and run. */
function itemIdentity(ctx: IExecuteFunctions, itemIndex: number, payload: unknown): string {
	const own = String(ctx.getNodeParameter(DUPLICATE_PROTECTION_ID, itemIndex, '') ?? '').trim();
	if (own) return `id:${own}:${stableJson(payload)}`;
	return `item:${executionOrigin(ctx)}:${ctx.getWorkflowDataProxy(0).$thisRunIndex}:${itemIndex}`;
}

function scope(ctx: IExecuteFunctions, operation: string): string[] {
	const node = ctx.getNode();
	return ['n8n', ctx.getWorkflow().id ?? '', node.id || node.name, operation];
}

/** The key for one item's create; `payload` is what is sent for it (the core's input). */
export function idempotencyKeyFor(ctx: IExecuteFunctions, operation: string, itemIndex: number, payload: unknown): string {
	return deriveIdempotencyKey(...scope(ctx, operation), itemIdentity(ctx, itemIndex, payload));
}

/** The key for one bulk request: every item in it, in order. */
export function batchIdempotencyKeyFor(
	ctx: IExecuteFunctions,
	operation: string,
	entries: Array<{ itemIndex: number; payload: unknown }>,
): string {
	return deriveIdempotencyKey(...scope(ctx, operation), stableJson(entries.map((entry) => itemIdentity(ctx, entry.itemIndex, entry.payload))));
}
