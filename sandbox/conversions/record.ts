/**
 * Recording a lead or a sale from /track/* (A27): an `lkclid` naming a click of the workspace fills `click_id` and
 * `link_id`; any other is recorded without attribution. Nothing is de-duplicated, not by `invoice_id` either.
 */
import { nowIso, type SandboxContext } from '../context';
import { newUuid } from '../ids';
import type { ConversionType, StoredConversion } from '../state/types';
import type { WorkspaceState } from '../state/workspace-state';

export interface TrackInput {
	lkclid?: string | null;
	customer_external_id: string;
	event_name?: string;
	customer_name?: string | null;
	customer_email?: string | null;
	metadata?: Record<string, unknown> | null;
	amount?: number;
	currency?: string;
	payment_processor?: string | null;
	invoice_id?: string | null;
}

export function recordConversion(context: SandboxContext, workspace: WorkspaceState, type: ConversionType, input: TrackInput): StoredConversion {
	const owner = input.lkclid ? context.store.clickOwner(input.lkclid) : undefined;
	const attributed = owner?.workspace === workspace ? owner : undefined;
	const conversion: StoredConversion = {
		id: newUuid(),
		type,
		event_name: input.event_name ?? (type === 'lead' ? 'Lead' : 'Sale'),
		customer_external_id: input.customer_external_id,
		customer_name: input.customer_name ?? null,
		customer_email: input.customer_email ?? null,
		amount: type === 'sale' ? (input.amount ?? null) : null,
		currency: type === 'sale' ? (input.currency ?? 'usd') : null,
		invoice_id: type === 'sale' ? (input.invoice_id ?? null) : null,
		link_id: attributed?.linkId ?? null,
		click_id: attributed ? input.lkclid! : null,
		metadata: input.metadata ?? null,
		created_at: nowIso(context),
		payment_processor: type === 'sale' ? (input.payment_processor ?? null) : null,
	};
	context.store.addConversion(workspace, conversion);
	return conversion;
}
