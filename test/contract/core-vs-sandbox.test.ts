/**
 * The shared core against the running sandbox over real HTTP, for every endpoint of the contract. The sandbox
 * validates each request it receives and each response it sends against docs/openapi.yaml (Linkkit's published API),
 * so a request the core builds wrongly fails here (400), and so does a response that drifted from the document (500).
 */
import { collect, createLinkkitClient, derivedShortCode, identityOf, type LinkkitClient } from '../../core';
import { FetchPort } from '../support/fetch-port';
import { linkkitFailure as failure } from '../support/linkkit-failure';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';

let sandbox: RunningSandbox;
let client: LinkkitClient;
let port: FetchPort;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});
beforeEach(() => {
	sandbox.reset();
	port = new FetchPort(sandbox.apiKey);
	client = createLinkkitClient(port, { baseUrl: sandbox.url, publishableKey: sandbox.publishableKey, retry: { baseDelayMs: 50 } });
});
afterEach(() => {
	const bad = port.exchanges.filter((e) => (e.response?.status ?? 0) >= 500);
	expect(bad.map((e) => `${e.request.method} ${e.request.url} → ${JSON.stringify(e.response?.body)}`)).toEqual([]);
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('links', () => {
	it('a derived-code create, get by code and by short URL, update, rename, delete', async () => {
		const identity = identityOf('contract', 'create-1');
		const { link, created } = await client.links.createOnce(identity, { original_url: 'https://shop.example.com/bf?ref=nl', title: 'Black Friday', notes: 'from the contract test' });
		expect(created).toBe(true);
		expect(link).toMatchObject({ short_code: derivedShortCode(identity), original_url: 'https://shop.example.com/bf?ref=nl', title: 'Black Friday', is_active: true });
		expect(link.id).toMatch(UUID);
		expect(link.short_url).toBe(`https://uselinkkit.com/${link.short_code}`);
		// The same create again (a retry, a re-run) updates the same link: still one.
		const again = await client.links.createOnce(identity, { original_url: 'https://shop.example.com/bf?ref=nl', title: 'Black Friday', notes: 'from the contract test' });
		expect(again).toMatchObject({ created: false, link: { id: link.id } });

		expect(await client.links.get(link.short_code)).toMatchObject({ id: link.id });
		expect(await client.links.get(link.short_url)).toMatchObject({ id: link.id });
		const updated = await client.links.update(link.short_code, { title: null, is_active: false });
		expect(updated).toMatchObject({ id: link.id, title: null, is_active: false });
		const renamed = await client.links.update(link.short_code, { short_code: 'bf-2026' });
		expect(renamed).toMatchObject({ id: link.id, short_code: 'bf-2026', short_url: 'https://uselinkkit.com/bf-2026' });
		await expect(client.links.delete('bf-2026')).resolves.toEqual({ short_code: 'bf-2026', deleted: true });
		expect((await failure(client.links.get('bf-2026'))).status).toBe(404);
	});

	it("a person's own code, Linkkit's picked code, upsert 201 then 200, custom domain and segment", async () => {
		const [segment] = await client.segments.list();
		const own = await client.links.createWithCode('spring-sale', { original_url: 'https://example.com/spring', custom_domain: 'go.acme.test', list_id: segment.id });
		expect(own.link).toMatchObject({ short_code: 'spring-sale', custom_domain: 'go.acme.test', list_id: segment.id, short_url: 'https://go.acme.test/spring-sale' });
		const conflict = await failure(client.links.createWithCode('spring-sale', { original_url: 'https://example.com/other' }));
		expect(conflict.message).toMatch(/already in use by another link/);
		const picked = await client.links.createPicked({ original_url: 'https://example.com/picked' });
		expect(picked.link.short_code).toMatch(/^[A-Za-z0-9]{6}$/);
		expect((await client.links.upsert('upsert-me', { original_url: 'https://example.com/u1' })).created).toBe(true);
		expect(await client.links.upsert('upsert-me', { original_url: 'https://example.com/u2' })).toMatchObject({ created: false, link: { original_url: 'https://example.com/u2' } });
	});

	it('Linkkit refuses: unsafe URL (422), taken rename (409), unknown domain (400), foreign code (409 → next derived code)', async () => {
		expect((await failure(client.links.createPicked({ original_url: 'https://malware.test/x' }))).status).toBe(422);
		await client.links.upsert('taken-one', { original_url: 'https://example.com/1' });
		await client.links.upsert('taken-two', { original_url: 'https://example.com/2' });
		const taken = await failure(client.links.update('taken-one', { short_code: 'taken-two' }));
		expect(taken).toMatchObject({ status: 409, code: 'conflict' });
		expect((await failure(client.links.upsert('x-domain', { original_url: 'https://example.com', custom_domain: 'not-ours.example' }))).status).toBe(400);
		const foreign = await failure(client.links.upsert(sandbox.foreignCodes[0], { original_url: 'https://example.com' }));
		expect(foreign.status).toBe(409);
	});

	it('lists pages of links with filters, all pages, newest first', async () => {
		const all = await collect(client.links.iterate({}, { returnAll: true }));
		expect(all.length).toBe(sandbox.counts().links);
		const times = all.map((l) => Date.parse(l.created_at));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		const [segment] = await client.segments.list();
		const inSegment = await collect(client.links.iterate({ list_id: segment.id }, { returnAll: true }));
		expect(inSegment.length).toBeGreaterThan(0);
		expect(inSegment.every((l) => l.list_id === segment.id)).toBe(true);
		const limited = await collect(client.links.iterate({ is_active: true }, { limit: 7 }));
		expect(limited).toHaveLength(7);
	});

	it('bulk import: created and skipped rows paired with their input', async () => {
		const before = sandbox.counts().links;
		const result = await client.bulk.importBatch([
			{ original_url: 'https://example.com/bulk-1', title: 'One' },
			{ original_url: 'https://phishing.test/bad' },
			{ original_url: 'nope' },
			{ original_url: 'https://example.com/bulk-2' },
		]);
		expect(result.rows.map((r) => r.status)).toEqual(['created', 'skipped', 'invalid', 'created']);
		expect(result.rows[1].reason).toMatch(/safety/i);
		expect(sandbox.counts().links).toBe(before + 2);
	});
});

describe('segments, campaign settings, tags, QR codes', () => {
	it('segment CRUD and moving a link in and out', async () => {
		const segment = await client.segments.create({ name: 'Contract segment', color: '#abc' });
		expect(segment).toMatchObject({ name: 'Contract segment', color: '#AABBCC' });
		expect((await client.segments.list()).map((s) => s.name)).toContain('Contract segment');
		const { link } = await client.links.createOnce(identityOf('contract', 'segment'), { original_url: 'https://example.com/seg' });
		expect(await client.segments.addLink(segment.id as string, link.short_code)).toMatchObject({ list_id: segment.id });
		expect(await client.segments.removeLink(link.short_code)).toMatchObject({ list_id: null });
		expect(await client.segments.update(segment.id, { name: 'Renamed' })).toMatchObject({ name: 'Renamed' });
		await client.segments.delete(segment.id);
		expect((await failure(client.segments.get(segment.id))).status).toBe(404);
	});

	it('a campaign setting applied to a new link writes its UTM parameters', async () => {
		const setting = await client.campaignSettings.create({ name: 'Newsletter', utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'dec' });
		const { link } = await client.links.createOnce(identityOf('contract', 'utm'), { original_url: 'https://example.com/landing', utmTemplate: setting });
		expect(link.original_url).toBe('https://example.com/landing?utm_source=newsletter&utm_medium=email&utm_campaign=dec');
		expect(await client.campaignSettings.update(setting.id, { utm_campaign: null })).toMatchObject({ utm_campaign: null });
		expect((await client.campaignSettings.list()).some((s) => s.id === setting.id)).toBe(true);
		await client.campaignSettings.delete(setting.id);
	});

	it('tags and QR codes', async () => {
		const tag = await client.tags.create({ name: 'contract', color: 'FF5733' });
		expect(await client.tags.get(tag.id)).toMatchObject({ name: 'contract', color: '#FF5733' });
		await client.tags.delete(tag.id);
		const { link } = await client.links.createOnce(identityOf('contract', 'qr'), { original_url: 'https://example.com/qr' });
		const qr = await client.qrCodes.createForLink(link.short_code, { name: 'Poster', color: '#1D4ED8' });
		expect(qr).toMatchObject({ url: link.short_url, name: 'Poster', color: '#1D4ED8', show_logo: false });
		expect((await collect(client.qrCodes.iterate({ returnAll: true }))).some((q) => q.id === qr.id)).toBe(true);
		expect(await client.qrCodes.update(qr.id, { show_logo: true })).toMatchObject({ show_logo: true });
		await client.qrCodes.delete(qr.id);
	});
});

describe('account, analytics, conversions, hooks', () => {
	it('the key owner, workspaces, domains with DNS records', async () => {
		const owner = await client.account.whoAmI();
		expect(owner).toMatchObject({ workspace_id: sandbox.workspaceId });
		expect(owner.user_id).toMatch(UUID);
		expect((await client.account.workspaces()).map((w) => w.id)).toEqual(expect.arrayContaining([sandbox.workspaceId, sandbox.otherWorkspaceId]));
		const domains = await client.account.domains();
		const detail = await client.account.domain(domains.find((d) => d.domain === 'go.acme.test')?.id);
		expect(detail).toMatchObject({ domain: 'go.acme.test', is_verified: true, cname_value: expect.any(String), txt_name: expect.any(String) });
	});

	it('clicks through the redirect are counted, broken down and put in a timeseries (one page, and via CSV)', async () => {
		const { link } = await client.links.createOnce(identityOf('contract', 'clicks'), { original_url: 'https://example.com/clicked' });
		const visits = [
			{ country: 'US', agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1' },
			{ country: 'US', agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' },
			{ country: 'DE', agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' },
		];
		for (const visit of visits) {
			const answer = await fetch(`${sandbox.url}/${link.short_code}`, { redirect: 'manual', headers: { 'User-Agent': visit.agent, 'X-Sandbox-Country': visit.country } });
			expect(answer.status).toBe(302);
			expect(new URL(answer.headers.get('location') as string).searchParams.get('lkclid')).toMatch(UUID);
		}
		const byCountry = await client.analytics.breakdown(link.short_code, 'country');
		expect(byCountry.rows).toEqual([
			{ value: 'US', clicks: 2, share: 0.6667 },
			{ value: 'DE', clicks: 1, share: 0.3333 },
		]);
		expect((await client.analytics.breakdown(link.short_code, 'device')).rows.map((r) => [r.value, r.clicks])).toEqual([
			['desktop', 2],
			['mobile', 1],
		]);
		const series = await client.analytics.timeseries(link.short_code, 'day');
		expect(series.rows.reduce((sum, r) => sum + r.clicks, 0)).toBe(3);
		// Past one page, the clicks come in one CSV request instead of a page per 100.
		sandbox.injectClicks(link.short_code, 250);
		port.exchanges.length = 0;
		const many = await client.analytics.allClicks(link.short_code);
		expect(many.clicks).toHaveLength(253);
		expect(port.exchanges.map((e) => new URL(e.request.url).pathname)).toEqual([`/v1/analytics/links/${link.short_code}`, '/feeds/clicks.csv']);
		expect(port.exchanges.every((e) => !e.request.url.includes(sandbox.apiKey))).toBe(true);
		const summary = await client.analytics.summary({ preset: 'today' });
		expect(summary.total_clicks).toBeGreaterThanOrEqual(253);
	});

	it('a lead and a sale attributed to a click, then found among conversions', async () => {
		const { link } = await client.links.createOnce(identityOf('contract', 'conversions'), { original_url: 'https://example.com/buy' });
		const answer = await fetch(`${sandbox.url}/${link.short_code}`, { redirect: 'manual' });
		const lkclid = new URL(answer.headers.get('location') as string).searchParams.get('lkclid') as string;
		const lead = await client.conversions.trackLead({ customer_external_id: 'cus_contract', lkclid, customer_email: 'ada@example.com' });
		expect(lead).toMatchObject({ type: 'lead', event_name: 'Lead', link_id: link.id, click_id: lkclid, link: { short_code: link.short_code } });
		const sale = await client.conversions.trackSale({ customer_external_id: 'cus_contract', amount: '4999', currency: 'EUR', invoice_id: 'inv_contract' });
		expect(sale).toMatchObject({ type: 'sale', amount: 4999, currency: 'eur', invoice_id: 'inv_contract' });
		const found = await collect(client.conversions.iterate({ customer_external_id: 'cus_contract' }, { returnAll: true }));
		expect(found.map((c) => c.type).sort()).toEqual(['lead', 'sale']);
		const missingKey = createLinkkitClient(new FetchPort(sandbox.apiKey), { baseUrl: sandbox.url });
		expect((await failure(missingKey.conversions.trackLead({ customer_external_id: 'x' }))).field).toBe('publishableKey');
	});

	it('hooks: subscribe answers a secret once; unsubscribe twice is fine', async () => {
		const hook = await client.hooks.subscribe('link.created', 'http://127.0.0.1:9/hook');
		expect(hook).toMatchObject({ event: 'link.created', url: 'http://127.0.0.1:9/hook', is_active: true });
		expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		await expect(client.hooks.unsubscribe(hook.id)).resolves.toEqual({ id: hook.id, unsubscribed: true });
		await expect(client.hooks.unsubscribe(hook.id)).resolves.toEqual({ id: hook.id, unsubscribed: true });
		expect((await failure(client.hooks.subscribe('link.created', 'https://example.com/hook'))).status).toBe(400);
	});

	it('a wrong key gets 401 with the API-key message', async () => {
		const wrong = createLinkkitClient(new FetchPort('lk_test_wrong'), { baseUrl: sandbox.url });
		const error = await failure(wrong.links.listPage());
		expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
		expect(error.message).toMatch(/API key missing or incorrect/);
	});
});
