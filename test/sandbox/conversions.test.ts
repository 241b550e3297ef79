/**
 * /track/lead and /track/sale with the publishable key (A28), attribution through the lkclid a redirect hands out
 * (A27), and GET /v1/conversions: paged newest first, filters, 403 on a plan without conversions (A26).
 */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { allPages, get, post, put, type Conversion, type Page } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

/** Follows a short link as a browser would and returns the lkclid the destination receives. */
async function clickIdFrom(code: string): Promise<string> {
	const answer = await fetch(`${sandbox.url}/${code}`, { redirect: 'manual' });
	return new URL(answer.headers.get('location')!).searchParams.get('lkclid')!;
}

const track = <T = Conversion>(kind: 'lead' | 'sale', body: Record<string, unknown>) =>
	post<T>(sandbox, `/track/${kind}`, { publishable_key: sandbox.publishableKey, ...body }, { key: null });

describe('tracking', () => {
	it('records a lead attributed to the click and its link through lkclid', async () => {
		await put(sandbox, '/v1/links/trial-1', { original_url: 'https://app.example.com/signup', title: 'Trial', custom_domain: 'go.acme.test' });
		const lkclid = await clickIdFrom('trial-1');
		const link = (await get<{ id: string }>(sandbox, '/v1/links/trial-1')).body;
		const reply = await track('lead', { lkclid, customer_external_id: 'cus_9', event_name: 'Trial Started', customer_email: 'ada@example.com', metadata: { plan: 'team' } });
		expect(reply.status).toBe(201);
		expect(reply.body).toEqual({
			id: expect.any(String),
			type: 'lead',
			event_name: 'Trial Started',
			customer_external_id: 'cus_9',
			customer_name: null,
			customer_email: 'ada@example.com',
			amount: null,
			currency: null,
			invoice_id: null,
			link_id: link.id,
			click_id: lkclid,
			metadata: { plan: 'team' },
			created_at: expect.any(String),
			link: { short_code: 'trial-1', title: 'Trial', custom_domain: 'go.acme.test' },
		});
		expect((await get<Page<Conversion>>(sandbox, '/v1/conversions?limit=1')).body.data[0]).toEqual(reply.body);
	});

	it('records a sale in cents with currency usd by default, "Lead"/"Sale" as default event names', async () => {
		const lead = await track('lead', { customer_external_id: 'cus_1' });
		expect(lead.body).toMatchObject({ event_name: 'Lead', link_id: null, click_id: null, link: null });
		const sale = await track('sale', { customer_external_id: 'cus_1', amount: 4999, invoice_id: 'inv_1', payment_processor: 'stripe' });
		expect(sale.status).toBe(201);
		expect(sale.body).toMatchObject({ type: 'sale', event_name: 'Sale', amount: 4999, currency: 'usd', invoice_id: 'inv_1' });
		expect(sale.body).not.toHaveProperty('payment_processor');
		expect((await track('sale', { customer_external_id: 'cus_1', amount: 100, currency: 'eur' })).body.currency).toBe('eur');
	});

	it('records an unknown lkclid, or another workspace\'s click, without attribution; nothing is de-duplicated', async () => {
		const unknown = await track('lead', { customer_external_id: 'cus_2', lkclid: '00000000-0000-4000-8000-000000000000' });
		expect(unknown.body).toMatchObject({ link_id: null, click_id: null, link: null });
		const foreignClick = await clickIdFrom(sandbox.foreignCodes[0]);
		expect((await track('lead', { customer_external_id: 'cus_2', lkclid: foreignClick })).body).toMatchObject({ link_id: null, click_id: null });
		const sale = { customer_external_id: 'cus_2', amount: 500, invoice_id: 'inv_same' };
		await track('sale', sale);
		await track('sale', sale);
		expect((await get<Page<Conversion>>(sandbox, '/v1/conversions?invoice_id=inv_same')).body.meta.total).toBe(2);
	});

	it('answers 401 for a wrong or secret key and 400 for missing fields; needs no API key and ignores the rate limit', async () => {
		sandbox.setRateLimit(1, 1);
		expect(await track('lead', { publishable_key: 'pk_test_wrong', customer_external_id: 'c' })).toMatchObject({ status: 401, body: { error: 'Invalid publishable key' } });
		expect((await track('lead', { publishable_key: sandbox.apiKey, customer_external_id: 'c' })).status).toBe(401);
		expect(await track('lead', {})).toMatchObject({ status: 400, body: { error: 'customer_external_id is required' } });
		expect((await post(sandbox, '/track/lead', { customer_external_id: 'c' }, { key: null })).body).toEqual({ error: 'publishable_key is required' });
		expect((await track('sale', { customer_external_id: 'c' })).body).toEqual({ error: 'amount is required' });
		expect((await track('sale', { customer_external_id: 'c', amount: 12.5 })).status).toBe(400);
		expect((await track('lead', { customer_external_id: 'c', lkclid: 'not-a-uuid' })).status).toBe(400);
		expect((await track('lead', { customer_external_id: 'c', customer_email: 'not-an-email' })).status).toBe(400);
		for (let i = 0; i < 3; i++) expect((await track('lead', { customer_external_id: `ok-${i}` })).status).toBe(201);
	});

	it('the second workspace\'s publishable key records into that workspace', async () => {
		const reply = await post(sandbox, '/track/lead', { publishable_key: sandbox.otherPublishableKey, customer_external_id: 'labs-1' }, { key: null });
		expect(reply.status).toBe(201);
		expect((await get<Page<Conversion>>(sandbox, '/v1/conversions?customer_external_id=labs-1')).body.meta.total).toBe(0);
		expect((await get<Page<Conversion>>(sandbox, '/v1/conversions?customer_external_id=labs-1', { key: sandbox.otherWorkspaceKey })).body.meta.total).toBe(1);
	});
});

describe('GET /v1/conversions', () => {
	it('pages the seeded conversions newest first (ties by id), most attributed to seeded clicks', async () => {
		const conversions = await allPages<Conversion>(sandbox, '/v1/conversions', 7);
		expect(conversions.length).toBeGreaterThan(10);
		for (let i = 1; i < conversions.length; i++) {
			const [a, b] = [conversions[i - 1], conversions[i]];
			expect(a.created_at > b.created_at || (a.created_at === b.created_at && a.id > b.id)).toBe(true);
		}
		const attributed = conversions.filter((c) => c.click_id);
		expect(attributed.length).toBeGreaterThan(conversions.length / 2);
		expect(attributed.every((c) => c.link && typeof c.link.short_code === 'string')).toBe(true);
		expect(conversions.some((c) => c.type === 'sale' && typeof c.amount === 'number')).toBe(true);
	});

	it('filters by customer_external_id, invoice_id, type and from..to (inclusive)', async () => {
		const every = await allPages<Conversion>(sandbox, '/v1/conversions');
		const customer = every[0].customer_external_id;
		const invoice = every.find((c) => c.invoice_id)!.invoice_id!;
		const from = every[Math.floor(every.length * 0.6)].created_at;
		const to = every[Math.floor(every.length * 0.3)].created_at;
		const cases: Array<[string, (c: Conversion) => boolean]> = [
			[`customer_external_id=${customer}`, (c) => c.customer_external_id === customer],
			[`invoice_id=${invoice}`, (c) => c.invoice_id === invoice],
			['type=sale', (c) => c.type === 'sale'],
			['type=lead', (c) => c.type === 'lead'],
			[`from=${from}&to=${to}`, (c) => c.created_at >= from && c.created_at <= to],
			[`type=sale&from=${from}`, (c) => c.type === 'sale' && c.created_at >= from],
		];
		for (const [query, keep] of cases) {
			const reply = await get<Page<Conversion>>(sandbox, `/v1/conversions?${query}&limit=100`);
			expect([query, reply.body.data.map((c) => c.id)]).toEqual([query, every.filter(keep).map((c) => c.id)]);
			expect(reply.body.meta.total).toBe(every.filter(keep).length);
		}
		expect((await get(sandbox, '/v1/conversions?type=refund')).status).toBe(400);
	});

	it('answers 403 {"error": "Forbidden"} on a plan without conversions (A26) and 401 without a key', async () => {
		sandbox.setPlan({ plan: 'free' });
		expect(await get(sandbox, '/v1/conversions')).toMatchObject({ status: 403, body: { error: 'Forbidden' } });
		expect((await get(sandbox, '/v1/conversions', { key: null })).status).toBe(401);
		sandbox.setPlan({ plan: 'pro' });
		expect((await get(sandbox, '/v1/conversions')).status).toBe(200);
	});
});
