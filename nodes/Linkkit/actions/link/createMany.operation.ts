/**
 * Link → Create Many: all input items in as few requests as possible (Linkkit's bulk endpoint takes up to
 * 100 links), several batches in flight when the rate limit allows. Each link succeeds or fails alone: a failed
 * item never costs the others in its batch.
 */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bulkEntryError, isFailedBulkEntry, settleInOrder, type LinkInput, type LinkkitClient } from '../../../../core';
import { errorItemJson, toNodeError } from '../../transport/errors';
import { asJson, batchIdempotencyKeyFor, ClientPool, CREATE_CONCURRENCY } from '../common/execution';
import { createOptionsField } from '../common/fields';
import { additionalLinkFields, destinationField, readCheckedLinkCreate } from './fields';

export const BATCH_SIZE = 100;

type BulkResult = Awaited<ReturnType<LinkkitClient['links']['createMany']>>;

/** A batch answered with some items refused, when that must stop the run: carries the answer out of the batch loop. */
class BatchWithRefusals extends Error {
	constructor(readonly result: BulkResult) {
		super('A batch had items Linkkit refused');
	}
}

/** Links a batch's outcome created (none when the whole request failed). */
function createdIn(outcome: unknown): number {
	const result = outcome instanceof BatchWithRefusals ? outcome.result : (outcome as BulkResult | undefined);
	return result?.data ? result.data.filter((entry) => !isFailedBulkEntry(entry)).length : 0;
}

const properties: INodeProperties[] = [
	{
		displayName:
			'Creates one link per input item, sending up to 100 at a time. An item Linkkit refuses (e.g. a slug already taken) fails on its own; the others are still created.',
		name: 'createManyNotice',
		type: 'notice',
		default: '',
	},
	destinationField,
	additionalLinkFields,
	createOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['createMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const output: INodeExecutionData[] = new Array(items.length);
	const fail = (itemIndex: number, error: unknown) => {
		const nodeError = toNodeError(this.getNode(), error, itemIndex);
		if (!continueOnFail) throw nodeError;
		output[itemIndex] = { json: errorItemJson(nodeError), pairedItem: { item: itemIndex } };
	};

	// Check every item first: with "continue on fail" off, one bad item stops the run before anything is sent.
	const ready: { itemIndex: number; input: LinkInput }[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			ready.push({ itemIndex, input: readCheckedLinkCreate(this, itemIndex) });
		} catch (error) {
			fail(itemIndex, error);
		}
	}

	if (ready.length === 0) return output.filter((item) => item !== undefined);
	const client = await new ClientPool(this).forItem(0);
	const batches: Array<typeof ready> = [];
	for (let start = 0; start < ready.length; start += BATCH_SIZE) batches.push(ready.slice(start, start + BATCH_SIZE));

	// Several batches in flight (each its own idempotency key, paced by the core). Without "continue on fail", a
	// batch with a refused item stops the batches not yet sent; those already on their way finish.
	const settled = await settleInOrder(
		batches.length,
		CREATE_CONCURRENCY,
		async (b, proceed) => {
			const result = await client.links.createMany(
				batches[b].map((entry) => entry.input),
				{
					idempotencyKey: batchIdempotencyKeyFor(
						this,
						'link.createMany',
						batches[b].map((entry) => ({ itemIndex: entry.itemIndex, payload: entry.input })),
					),
					proceed,
				},
			);
			if (!continueOnFail && result.data.some(isFailedBulkEntry)) throw new BatchWithRefusals(result);
			return result;
		},
		!continueOnFail,
	);

	const created = settled.reduce((sum, s) => sum + (s ? createdIn(s.ok ? s.value : s.error) : 0), 0);
	const notSent = settled.reduce((sum, s, b) => sum + (s ? 0 : batches[b].length), 0);
	settled.forEach((outcome, b) => {
		if (!outcome) return;
		const batch = batches[b];
		if (!outcome.ok && !(outcome.error instanceof BatchWithRefusals)) {
			// The whole request failed (e.g. the key lacks links:write): every item of the batch shares that error.
			for (const entry of batch) fail(entry.itemIndex, outcome.error);
			return;
		}
		const result = outcome.ok ? outcome.value : (outcome.error as BatchWithRefusals).result;
		for (const entry of result.data) {
			if (isFailedBulkEntry(entry)) continue;
			const itemIndex = batch[entry.index].itemIndex;
			output[itemIndex] = { json: asJson(entry.link), pairedItem: { item: itemIndex } };
		}
		const failed = result.data.filter(isFailedBulkEntry);
		if (failed.length && !continueOnFail) {
			// Stopping here: say what already happened, so nobody re-runs the whole list blindly.
			const firstFailure = failed[0];
			const nodeError = toNodeError(this.getNode(), bulkEntryError(firstFailure), batch[firstFailure.index].itemIndex);
			nodeError.description = [
				nodeError.description,
				`${created} link(s) were created before the run stopped at this item` +
					(notSent ? `; the ${notSent} item(s) of later batches were not sent. ` : '. ') +
					'Turn on "Continue On Fail" in the node settings to get one result per item instead.',
			]
				.filter(Boolean)
				.join(' — ');
			throw nodeError;
		}
		for (const entry of failed) fail(batch[entry.index].itemIndex, bulkEntryError(entry));
	});
	return output.filter((item) => item !== undefined);
}
