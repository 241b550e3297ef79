/**
 * Link → Create Many: Linkkit's bulk import (`POST /v1/links/bulk`, up to 1 000 links per request). For imports where
 * counts and per-row errors are enough: Linkkit's answer has no links, only how many were created and the URLs it
 * skipped, so each output item is the row's outcome (created, skipped, invalid, unknown) with the reason, paired with
 * its input item. Create gives the links themselves.
 *
 * Batches go out in input order, a few at once under the pacer. The core never sends a batch again blindly after a
 * lost answer (it looks for the batch's links first), and each batch's outcome is recorded in the execution (see
 * ../common/execution-ledger.ts), so a repeat of the node run (Retry On Fail, n8n's Retry of the failed execution)
 * does not import the batches that already went through a second time.
 */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batches, limits, settleInOrder, type BulkImportResult, type BulkRowInput, type BulkRowStatus } from '../../../../core';
import { errorItemJson, toNodeError } from '../../transport/errors';
import { withFieldLabel } from '../../transport/field-labels';
import { ClientPool } from '../common/execution';
import { forgetRun, ledgerKey, onceInRun } from '../common/execution-ledger';
import { optionsField } from '../common/fields';
import { locatorField, readLocator } from '../common/locators';
import { destinationField } from './fields';

/** Batches in flight at once; the pacer still decides when each goes out. */
export const BATCHES_IN_FLIGHT = 3;

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

function readRow(ctx: IExecuteFunctions, itemIndex: number): BulkRowInput {
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const rows = items.map((_, itemIndex) => ({ itemIndex, row: readRow(this, itemIndex) }));
	const size = Math.min(limits.bulkMaxLinks, Math.max(1, Math.floor(Number(this.getNodeParameter('options.batchSize', 0, limits.bulkMaxLinks)))));
	const groups = batches(rows, size);
	const client = await new ClientPool(this).forItem(0);

	const settled = await settleInOrder(
		groups.length,
		BATCHES_IN_FLIGHT,
		async (b, proceed) =>
			await onceInRun(this, ledgerKey('link.createMany', groups[b][0].itemIndex, groups[b].map((entry) => entry.row)), async () =>
				recorded(await client.bulk.importBatch(groups[b].map((entry) => entry.row), { proceed })),
			),
		!continueOnFail,
	);

	const output: INodeExecutionData[] = [];
	let imported = 0;
	let notSent = 0;
	let firstFailure: { error: unknown; itemIndex: number } | undefined;
	settled.forEach((outcome, b) => {
		const group = groups[b];
		if (!outcome) {
			notSent += group.length;
			return;
		}
		if (!outcome.ok) {
			firstFailure ??= { error: outcome.error, itemIndex: group[0].itemIndex };
			// The whole request failed (e.g. the plan's limit): every row of the batch shares that error.
			const error = toNodeError(this.getNode(), outcome.error, group[0].itemIndex);
			for (const entry of group) output.push({ json: { ...errorItemJson(error), original_url: String(entry.row.original_url ?? '') }, pairedItem: { item: entry.itemIndex } });
			return;
		}
		outcome.value.rows.forEach((row, k) => {
			const entry = group[k];
			if (row.status === 'created') imported++;
			output.push({
				// A row refused before sending says which field, by its label; Linkkit's own reasons are kept as they are.
				json: { status: row.status, original_url: String(entry.row.original_url ?? ''), ...(row.reason ? { reason: row.status === 'invalid' ? withFieldLabel(row.reason) : row.reason } : {}) },
				pairedItem: { item: entry.itemIndex },
			});
		});
	});

	if (firstFailure && !continueOnFail) {
		// Stopping here: say what already happened, so nobody runs the whole list again blindly.
		const error = toNodeError(this.getNode(), firstFailure.error, firstFailure.itemIndex);
		error.description = [
			error.description,
			`${imported} link(s) were imported by other batches before the run stopped` +
				(notSent ? `; ${notSent} row(s) of later batches were not sent. ` : '. ') +
				"n8n's Retry of this execution does not import those batches again.",
		]
			.filter(Boolean)
			.join(' — ');
		throw error;
	}
	forgetRun(this);
	return output;
}
