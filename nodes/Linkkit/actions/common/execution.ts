/**
 * The per-item loop every operation shares: every item's input read and checked before any request goes out, one
 * Linkkit client per run (so rate-limit pacing spans all items), errors turned into n8n errors that point at the
 * item, "continue on fail" honoured, and every output item paired with the input item it came from, in input order
 * (also when several items are in flight at once).
 */

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { settleInOrder, type LinkkitClient, type RetryOptions } from '../../../../core';
import { CREDENTIAL_TYPE, linkkitClient, type LinkkitCredentialData } from '../../transport';
import { refusalOf } from '../../transport/dry-run';
import { errorItemJson, toNodeError } from '../../transport/errors';
import { forgetRun } from './execution-ledger';
import { DEFAULT_MAX_RETRIES, DEFAULT_MAX_WAIT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from './fields';

export type ItemResult = IDataObject | IDataObject[];

/** What the "Options" of write operations ask for, as the core's retry settings. */
export function retryOptionsFor(ctx: IExecuteFunctions, itemIndex: number): Partial<RetryOptions> {
	const maxWaitSeconds = Number(ctx.getNodeParameter('options.maxWaitSeconds', itemIndex, DEFAULT_MAX_WAIT_SECONDS));
	const maxRetries = Number(ctx.getNodeParameter('options.maxRetries', itemIndex, DEFAULT_MAX_RETRIES));
	const timeoutSeconds = Number(ctx.getNodeParameter('options.timeoutSeconds', itemIndex, DEFAULT_TIMEOUT_SECONDS));
	const maxWaitMs = Math.max(0, maxWaitSeconds) * 1000;
	return {
		maxWaitMs,
		maxRetries: Math.max(0, Math.floor(maxRetries)),
		// The whole call may wait as long as every allowed retry waiting the maximum once (60 s × 5 = 5 min by default).
		maxTotalWaitMs: maxWaitMs * Math.max(1, maxRetries),
		requestTimeoutMs: Math.max(1, timeoutSeconds) * 1000,
	};
}

/**
 * Clients are built once per distinct retry setting, which in practice means once per run: the pacer inside a client
 * remembers the rate-limit window, so the next item waits instead of provoking a 429.
 */
export class ClientPool {
	private readonly clients = new Map<string, Promise<LinkkitClient>>();

	constructor(private readonly ctx: IExecuteFunctions) {}

	forItem(itemIndex: number): Promise<LinkkitClient> {
		const retry = retryOptionsFor(this.ctx, itemIndex);
		const key = JSON.stringify(retry);
		let client = this.clients.get(key);
		if (!client) {
			client = linkkitClient(this.ctx, retry);
			this.clients.set(key, client);
		}
		return client;
	}
}

/** Whether the credential carries a publishable key (for checking Track inputs before sending). */
export async function hasPublishableKey(ctx: IExecuteFunctions): Promise<boolean> {
	const credentials = await ctx.getCredentials<LinkkitCredentialData>(CREDENTIAL_TYPE);
	return typeof credentials.publishableKey === 'string' && credentials.publishableKey.trim() !== '';
}

/**
 * Items a create handles at once. Each item creates its own object, so the order their requests reach Linkkit in does
 * not matter; the pacer still lets each request out only when the rate limit has room, so this only helps where the
 * round trip, not the limit, holds a run back (100 ms per request caps one-at-a-time at 10 a second).
 */
export const CREATE_CONCURRENCY = 10;

export interface ItemOperation<P> {
	/** One item's parameters as the core's input (no request; may throw the core's input errors). */
	read: (itemIndex: number) => P;
	/** The item's work. `proceed` goes to the core's calls: false once the run stopped, so waiting requests are dropped. */
	run: (client: LinkkitClient, input: P, itemIndex: number, proceed: () => boolean) => Promise<ItemResult>;
	/**
	 * The core calls that check the input, run on a client that sends nothing (transport/dry-run.ts). By default the
	 * item's own `run`; an operation whose first request comes before its main one checks that one itself.
	 */
	check?: (client: LinkkitClient, input: P, itemIndex: number) => unknown;
	/** Items handled at once (default 1): only for operations whose items are independent of each other. */
	concurrency?: number;
}

/** Runs one operation over every input item; see the file comment for what it guarantees. */
export async function runPerItem<P>(ctx: IExecuteFunctions, operation: ItemOperation<P>): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const pool = new ClientPool(ctx);
	const continueOnFail = ctx.continueOnFail();
	const outputs: INodeExecutionData[][] = items.map(() => []);
	const failed = (itemIndex: number, error: unknown) => {
		const nodeError = toNodeError(ctx.getNode(), error, itemIndex);
		if (!continueOnFail) throw nodeError;
		outputs[itemIndex] = [{ json: errorItemJson(nodeError), pairedItem: { item: itemIndex } }];
	};

	// Every item is read and checked first: with "continue on fail" off, one bad item stops the run before any
	// request goes out.
	const withPublishableKey = await hasPublishableKey(ctx);
	const ready: Array<{ itemIndex: number; input: P }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const input = operation.read(itemIndex);
			const check = operation.check ?? ((client: LinkkitClient, value: P) => operation.run(client, value, itemIndex, () => true));
			const refused = await refusalOf((client) => check(client, input, itemIndex), { hasPublishableKey: withPublishableKey });
			if (refused) failed(itemIndex, refused);
			else ready.push({ itemIndex, input });
		} catch (error) {
			failed(itemIndex, error);
		}
	}

	// With "continue on fail" off, nothing new goes out after a failure; the first failing item in input order is thrown.
	const settled = await settleInOrder(
		ready.length,
		operation.concurrency ?? 1,
		async (k, proceed) => await operation.run(await pool.forItem(ready[k].itemIndex), ready[k].input, ready[k].itemIndex, proceed),
		!continueOnFail,
	);
	settled.forEach((result, k) => {
		const { itemIndex } = ready[k];
		if (!result) return;
		if (!result.ok) return failed(itemIndex, result.error);
		const jsons = Array.isArray(result.value) ? result.value : [result.value];
		outputs[itemIndex] = jsons.map((json) => ({ json, pairedItem: { item: itemIndex } }));
	});
	forgetRun(ctx);
	return outputs.flat();
}

/** Linkkit objects are plain JSON; this only tells TypeScript so. */
export function asJson<T extends object>(value: T): IDataObject {
	return value as unknown as IDataObject;
}
