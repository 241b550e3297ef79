/**
 * The per-item loop every operation shares: one Linkkit client per run (so rate-limit pacing spans all
 * items), errors turned into n8n errors that point at the item, "continue on fail" honoured, and every
 * output item paired with the input item it came from.
 */

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { LinkkitClient, RetryOptions } from '../../../../core';
import { linkkitClient } from '../../transport';
import { errorItemJson, toNodeError } from '../../transport/errors';
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
 * Clients are built once per distinct retry setting, which in practice means once per run: the pacer
 * inside a client remembers the rate-limit window, so the next item waits instead of provoking a 429.
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

// The creates' idempotency keys live in ./idempotency; re-exported here, where the operations get their helpers.
export { batchIdempotencyKeyFor, idempotencyKeyFor } from './idempotency';

/** Runs `handler` for every input item; see the file comment for what it guarantees. */
export async function runPerItem(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number, client: LinkkitClient) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const pool = new ClientPool(ctx);
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const client = await pool.forItem(itemIndex);
			const result = await handler(itemIndex, client);
			for (const json of Array.isArray(result) ? result : [result]) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(ctx.getNode(), error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			output.push({ json: errorItemJson(nodeError), pairedItem: { item: itemIndex } });
		}
	}
	return output;
}

/** Linkkit objects are plain JSON; this only tells TypeScript so. */
export function asJson<T extends object>(value: T): IDataObject {
	return value as unknown as IDataObject;
}
