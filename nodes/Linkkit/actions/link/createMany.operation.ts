/**
 * Link → Create Many: all input items in as few requests as possible (Linkkit's bulk endpoint takes up to
 * 100 links). Each link succeeds or fails alone: a failed item never costs the others in its batch.
 */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bulkEntryError, isFailedBulkEntry, type LinkInput } from '../../../../core';
import { errorItemJson, toNodeError } from '../../transport/errors';
import { asJson, ClientPool, idempotencyKeyFor } from '../common/execution';
import { writeOptionsField } from '../common/fields';
import { additionalLinkFields, destinationField, readCheckedLinkCreate } from './fields';

export const BATCH_SIZE = 100;

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
	writeOptionsField,
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
	let created = 0;
	for (let start = 0; start < ready.length; start += BATCH_SIZE) {
		const batch = ready.slice(start, start + BATCH_SIZE);
		const first = batch[0].itemIndex;
		let result;
		try {
			result = await client.links.createMany(
				batch.map((entry) => entry.input),
				{ idempotencyKey: idempotencyKeyFor(this, 'link.createMany', first) },
			);
		} catch (error) {
			// The whole request failed (e.g. the key lacks links:write): every item of the batch shares that error.
			for (const entry of batch) fail(entry.itemIndex, error);
			continue;
		}
		for (const entry of result.data) {
			if (isFailedBulkEntry(entry)) continue;
			const itemIndex = batch[entry.index].itemIndex;
			output[itemIndex] = { json: asJson(entry.link), pairedItem: { item: itemIndex } };
			created++;
		}
		const failed = result.data.filter(isFailedBulkEntry);
		if (failed.length && !continueOnFail) {
			// Stopping here: say what already happened, so nobody re-runs the whole list blindly.
			const firstFailure = failed[0];
			const nodeError = toNodeError(this.getNode(), bulkEntryError(firstFailure), batch[firstFailure.index].itemIndex);
			nodeError.description = [
				nodeError.description,
				`${created} link(s) were created before the run stopped at this item; later batches were not sent. ` +
					'Turn on "Continue On Fail" in the node settings to get one result per item instead.',
			]
				.filter(Boolean)
				.join(' — ');
			throw nodeError;
		}
		for (const entry of failed) fail(batch[entry.index].itemIndex, bulkEntryError(entry));
	}
	return output.filter((item) => item !== undefined);
}
