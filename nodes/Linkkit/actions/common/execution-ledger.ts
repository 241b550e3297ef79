/**
 * Creates that go through Linkkit's POST (a link with a Linkkit-picked code, segments, tags, campaign settings, QR
 * codes, leads and sales, bulk imports) have no code of ours to repeat under. The core looks for a lost answer's
 * result before sending again; what it cannot know is that an item already succeeded in an earlier attempt of the
 * same node run, which n8n repeats whole: Retry On Fail runs the node again, and n8n's Retry of a failed execution
 * runs the failed node again from the execution's saved data (see execution-identity.ts).
 *
 * So each such item's result is written down in the execution's flow context as soon as it succeeds — data n8n
 * saves with a failed execution and hands to its Retry — and a repeat of the same item (same node, run, item and
 * content) gets that result back instead of sending again. A node run that ends without failing needs none of it
 * (n8n never runs a succeeded node again), so its entries are dropped to keep the execution's data small.
 */

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identityOf, stableJson } from '../../../../core';
import { flowContext, runIndexOf } from './execution-identity';

const LEDGER = 'linkkitDone';

function nodeRun(ctx: IExecuteFunctions): string {
	const node = ctx.getNode();
	return `${node.id || node.name}:${runIndexOf(ctx)}`;
}

function entries(ctx: IExecuteFunctions, create: boolean): Record<string, IDataObject> | undefined {
	const flow = flowContext(ctx);
	if (!flow) return undefined;
	const ledger = (flow[LEDGER] ??= {}) as Record<string, Record<string, IDataObject>>;
	const run = nodeRun(ctx);
	if (!ledger[run] && create) ledger[run] = {};
	return ledger[run];
}

/** One item's entry: the operation, the item's place and what is sent for it. */
export function ledgerKey(operation: string, itemIndex: number | string, content: unknown): string {
	return identityOf(operation, String(itemIndex), stableJson(content)).slice(0, 32);
}

/**
 * Runs `write` once for this item in this node run: a result written down by an earlier attempt of the run is
 * returned instead. `write`'s result must be plain JSON.
 */
export async function onceInRun<T extends object>(ctx: IExecuteFunctions, key: string, write: () => Promise<T>): Promise<T> {
	const done = entries(ctx, false)?.[key];
	if (done) return done as unknown as T;
	const result = await write();
	const ledger = entries(ctx, true);
	if (ledger) ledger[key] = result as unknown as IDataObject;
	return result;
}

/** The node run ended without failing: n8n will not run it again, so nothing needs remembering. */
export function forgetRun(ctx: IExecuteFunctions): void {
	const flow = flowContext(ctx);
	const ledger = flow?.[LEDGER] as Record<string, unknown> | undefined;
	if (!flow || !ledger) return;
	delete ledger[nodeRun(ctx)];
	if (Object.keys(ledger).length === 0) delete flow[LEDGER];
}
