/**
 * Link → Create Many: Linkkit's bulk import (`POST /v1/links/bulk`, up to 1 000 links per request). For imports where
 * counts and per-row errors are enough: Linkkit's answer has no links, only how many were created and the URLs it
 * skipped, so each output item is the row's outcome (created, skipped, invalid, unknown) with the reason, paired with
 * its input item. Create gives the links themselves.
 *
 * Batches go out in input order, a few at once under the pacer, and rows are read as they are needed: a batch's rows
 * are read (n8n evaluates their expressions), its request starts, and the next batch's rows are read while it is in
 * flight, so reading thousands of rows and sending them overlap instead of adding up. Reading yields to the event loop
 * every few hundred rows, so requests in flight, their answers and other executions keep moving meanwhile. The core never sends a batch
 * again blindly after a lost answer (it looks for the batch's links first), and each batch's outcome is recorded in
 * the execution (see ../common/execution-ledger.ts), so a repeat of the node run (Retry On Fail, n8n's Retry of the
 * failed execution) does not import the batches that already went through a second time.
 *
 * Without Continue On Fail, the first failure stops the run: no later batch is read or sent, batches waiting for the
 * rate limit are dropped unsent, and the error says what was imported. A row whose fields cannot be read (an
 * expression that fails) is such a failure; with Continue On Fail it becomes an error item of its own.
 */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep, updateDisplayOptions } from 'n8n-workflow';

import { limits, NotSent, settle, type BulkImportResult, type BulkRowInput, type BulkRowStatus, type Settled } from '../../../../core';
import { errorItemJson, toNodeError } from '../../transport/errors';
import { withFieldLabel } from '../../transport/field-labels';
import { ClientPool } from '../common/execution';
import { forgetRun, ledgerKey, onceInRun } from '../common/execution-ledger';
import { optionsField } from '../common/fields';
import { parameterReader } from '../common/item-parameters';
import { locatorField, readLocator } from '../common/locators';
import { destinationField } from './fields';

/** Batches in flight at once; the pacer still decides when each goes out. */
export const BATCHES_IN_FLIGHT = 3;
/**
 * Rows read between two yields to the event loop. n8n evaluates a row's expressions in its expression sandbox
 * (about half a millisecond a row in n8n 2.x): without a yield, reading a batch of 1 000 would hold every other
 * execution of the instance, and the answers of the batches in flight, for that long.
 */
const ROWS_PER_YIELD = 200;

const properties: INodeProperties[] = [
	{
		displayName:
			"Imports a link for every input item, up to 1 000 per request. Outputs each row's outcome — created, skipped (Linkkit's safety checks refused the URL), invalid (refused before sending) or unknown — with the reason, not the links: Linkkit's bulk answer holds only counts and errors. Use Create to get each link and its short URL.",
		name: 'createManyNotice',
		type: 'notice',
		default: '',
	},
	destinationField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			locatorField('customDomain', {
				displayName: 'Custom Domain',
				name: 'customDomain',
				description: "One of your workspace's domains for the short URL, instead of uselinkkit.com",
			}),
			{ displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'A note for your team; visitors never see it' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'A name to recognise the link by in Linkkit' },
		],
	},
	optionsField([
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			// Linkkit's maximum (limits.bulkMaxLinks); n8n wants the default written out.
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 1000,
			description: 'Rows per request (Linkkit takes up to 1 000)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['createMany'] } }, properties);

type FieldsReader = (itemIndex: number) => IDataObject;

function readRow(ctx: IExecuteFunctions, itemIndex: number, additionalFields: FieldsReader): BulkRowInput {
	const fields = additionalFields(itemIndex);
	return {
		original_url: ctx.getNodeParameter('destination', itemIndex),
		title: fields.title,
		notes: fields.notes,
		custom_domain: fields.customDomain === undefined ? undefined : readLocator(fields.customDomain).value,
	};
}

/** What a batch's outcome needs to be handed back on a repeat: each row's status and reason, in order. */
interface RecordedBatch {
	rows: Array<{ status: BulkRowStatus; reason?: string }>;
}

function recorded(result: BulkImportResult): RecordedBatch {
	return { rows: result.rows.map(({ status, reason }) => (reason === undefined ? { status } : { status, reason })) };
}

/** One input row: its fields, or why they could not be read. */
type Entry = { itemIndex: number; row: BulkRowInput } | { itemIndex: number; unreadable: unknown };

function readEntry(ctx: IExecuteFunctions, itemIndex: number, additionalFields: FieldsReader): Entry {
	try {
		return { itemIndex, row: readRow(ctx, itemIndex, additionalFields) };
	} catch (error) {
		return { itemIndex, unreadable: error };
	}
}

/** A batch of consecutive input rows, the rows sent for it, and its request's outcome (undefined: nothing sent). */
interface Batch {
	entries: Entry[];
	sent: Array<{ itemIndex: number; row: BulkRowInput }>;
	outcome?: Settled<RecordedBatch>;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const size = Math.min(limits.bulkMaxLinks, Math.max(1, Math.floor(Number(this.getNodeParameter('options.batchSize', 0, limits.bulkMaxLinks)))));
	const client = await new ClientPool(this).forItem(0);
	// Read once when it holds no expression (usually: the same title or domain for every row, or nothing).
	const additionalFields = parameterReader<IDataObject>(this, 'additionalFields', {});

	const read: Batch[] = [];
	const inFlight = new Set<Promise<void>>();
	let failed = false;
	// Without Continue On Fail, nothing new goes out once something failed (see settleInOrder's stopOnFailure).
	const proceed = () => continueOnFail || !failed;
	let readFailure: { error: unknown; itemIndex: number } | undefined;

	for (let start = 0; start < items.length && proceed(); start += size) {
		while (inFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(inFlight);
		if (!proceed()) break;
		const entries: Entry[] = [];
		for (let itemIndex = start; itemIndex < Math.min(items.length, start + size) && proceed(); itemIndex++) {
			if (itemIndex > start && (itemIndex - start) % ROWS_PER_YIELD === 0) await sleep(0);
			const entry = readEntry(this, itemIndex, additionalFields);
			if ('unreadable' in entry && !continueOnFail) {
				readFailure = { error: entry.unreadable, itemIndex };
				failed = true;
				break;
			}
			entries.push(entry);
		}
		// Stopped by a failure (the last one read, or another batch's while this one was read): nothing more is sent.
		if (!proceed()) break;
		const batch: Batch = { entries, sent: entries.filter((entry): entry is { itemIndex: number; row: BulkRowInput } => 'row' in entry) };
		read.push(batch);
		if (batch.sent.length === 0) continue;
		const rows = batch.sent.map((entry) => entry.row);
		const request = settle(
			async () => await onceInRun(this, ledgerKey('link.createMany', batch.sent[0].itemIndex, rows), async () => recorded(await client.bulk.importBatch(rows, { proceed }))),
		).then((outcome) => {
			inFlight.delete(request);
			// Dropped while waiting for the rate limit after another batch failed: nothing was sent.
			if (!outcome.ok && outcome.error instanceof NotSent) return;
			batch.outcome = outcome;
			if (!outcome.ok) failed = true;
		});
		inFlight.add(request);
		// Lets the request go out (and answers come in) before the next batch's rows are read.
		await sleep(0);
	}
	await Promise.all(inFlight);

	const output: INodeExecutionData[] = [];
	let imported = 0;
	let notSent = items.length - read.reduce((sum, batch) => sum + batch.entries.length, 0);
	let firstFailure = readFailure;
	for (const batch of read) {
		const { outcome } = batch;
		if (batch.sent.length && !outcome) {
			notSent += batch.entries.length;
			continue;
		}
		if (outcome && !outcome.ok && (!firstFailure || batch.sent[0].itemIndex < firstFailure.itemIndex)) {
			firstFailure = { error: outcome.error, itemIndex: batch.sent[0].itemIndex };
		}
		// The whole request failed (e.g. the plan's limit): every row of the batch shares that error.
		const requestError = outcome && !outcome.ok ? toNodeError(this.getNode(), outcome.error, batch.sent[0].itemIndex) : undefined;
		let k = 0;
		for (const entry of batch.entries) {
			const paired = { pairedItem: { item: entry.itemIndex } };
			if ('unreadable' in entry) {
				output.push({ json: errorItemJson(new NodeOperationError(this.getNode(), entry.unreadable as Error, { itemIndex: entry.itemIndex })), ...paired });
				continue;
			}
			if (requestError) {
				output.push({ json: { ...errorItemJson(requestError), original_url: String(entry.row.original_url ?? '') }, ...paired });
				continue;
			}
			const row = (outcome as { value: RecordedBatch }).value.rows[k++];
			if (row.status === 'created') imported++;
			output.push({
				// A row refused before sending says which field, by its label; Linkkit's own reasons are kept as they are.
				json: { status: row.status, original_url: String(entry.row.original_url ?? ''), ...(row.reason ? { reason: row.status === 'invalid' ? withFieldLabel(row.reason) : row.reason } : {}) },
				...paired,
			});
		}
	}

	if (firstFailure && !continueOnFail) {
		// A row that could not be read before anything was sent fails the node as it always did.
		if (firstFailure === readFailure && read.length === 0) throw readFailure.error;
		// Stopping here: say what already happened, so nobody runs the whole list again blindly.
		const error =
			firstFailure === readFailure
				? new NodeOperationError(this.getNode(), readFailure.error as Error, { itemIndex: readFailure.itemIndex })
				: toNodeError(this.getNode(), firstFailure.error, firstFailure.itemIndex);
		error.description = [
			error.description,
			`${imported} link(s) were imported by other batches before the run stopped` +
				(notSent ? `; ${notSent} row(s) were not sent. ` : '. ') +
				"n8n's Retry of this execution does not import those batches again.",
		]
			.filter(Boolean)
			.join(' — ');
		throw error;
	}
	forgetRun(this);
	return output;
}
