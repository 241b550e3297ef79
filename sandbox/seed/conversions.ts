/**
 * Seeded conversions: leads and sales after some of the clicks (attributed through the click, A27), a few without
 * a click, from a handful of customers; a sale carries an amount in cents and an invoice id.
 */
import { newUuid } from '../ids';
import type { Prng } from '../prng';
import type { Click, StoredConversion } from '../state/types';
import { CUSTOMERS } from './catalog';
import { iso } from './time';

const MAX_CONVERSIONS = 120;

export function seedConversions(prng: Prng, clicksByLink: Record<string, Click[]>, nowMs: number): StoredConversion[] {
	const pool = Object.entries(clicksByLink).flatMap(([linkId, clicks]) => clicks.slice(0, 3).map((click) => ({ linkId, click })));
	const count = Math.min(MAX_CONVERSIONS, Math.ceil(pool.length / 10));
	const conversions: StoredConversion[] = [];
	for (let i = 0; i < count; i++) {
		const attributed = prng.chance(0.85) && pool.length > 0 ? prng.pick(pool) : undefined;
		const clickedMs = attributed ? Date.parse(attributed.click.clicked_at) : nowMs - prng.int(30 * 24 * 3_600_000);
		const customerIndex = prng.int(CUSTOMERS.length);
		const name = CUSTOMERS[customerIndex];
		const sale = prng.chance(0.4);
		conversions.push({
			id: newUuid(prng.int),
			type: sale ? 'sale' : 'lead',
			event_name: sale ? 'Sale' : prng.pick(['Lead', 'Sign Up', 'Trial Started']),
			customer_external_id: `cus_${String(customerIndex + 1).padStart(3, '0')}`,
			customer_name: name,
			customer_email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
			amount: sale ? prng.pick([1900, 4999, 9900, 24900]) : null,
			currency: sale ? 'usd' : null,
			invoice_id: sale ? `inv_${String(i + 1).padStart(4, '0')}` : null,
			link_id: attributed?.linkId ?? null,
			click_id: attributed?.click.id ?? null,
			metadata: prng.chance(0.3) ? { plan: prng.pick(['starter', 'pro', 'team']) } : null,
			created_at: iso(Math.min(nowMs - 500, clickedMs + prng.int(3 * 24 * 3_600_000))),
			payment_processor: sale ? 'stripe' : null,
		});
	}
	return conversions;
}
