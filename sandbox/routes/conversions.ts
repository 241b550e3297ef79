/**
 * GET /v1/conversions: one page of leads and sales, newest first (ties by id, A14), with the documented filters,
 * trailing the writes under --visibility-lag (A15); 403 when the workspace's plan has no conversions (A26).
 */
import { Router } from 'express';
import type { SandboxContext } from '../context';
import { forbidden } from '../http/errors';
import { pageFrom, pageOf } from '../http/paging';
import { queryInstant, queryText } from '../http/query';
import { presentConversion } from '../conversions/present';
import type { StoredConversion } from '../state/types';
import { callerWorkspace } from './caller';

/** The plan without conversions (`--plan free`). */
export const PLAN_WITHOUT_CONVERSIONS = 'free';

export function conversionsRouter(context: SandboxContext): Router {
	const router = Router();

	router.get('/v1/conversions', (req, res) => {
		const workspace = callerWorkspace(context, res);
		if (workspace.workspace.plan === PLAN_WITHOUT_CONVERSIONS) throw forbidden('Forbidden');
		const customer = queryText(req, 'customer_external_id');
		const invoice = queryText(req, 'invoice_id');
		const type = queryText(req, 'type');
		const keep = (conversion: StoredConversion) =>
			(customer === undefined || conversion.customer_external_id === customer) &&
			(invoice === undefined || conversion.invoice_id === invoice) &&
			(type === undefined || conversion.type === type);
		const matching = function* () {
			const within = workspace.conversionsByAge.newestWithin(queryInstant(req, 'from'), queryInstant(req, 'to'));
			for (const conversion of context.store.visibility.view(within)) if (keep(conversion)) yield conversion;
		};
		const page = pageFrom(matching(), pageOf(req));
		res.json({ ...page, data: page.data.map((conversion) => presentConversion(workspace, conversion)) });
	});

	return router;
}
