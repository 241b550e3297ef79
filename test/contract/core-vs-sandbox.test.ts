/**
 * The shared core against the running sandbox over real HTTP, for every endpoint of the contract.
 * The sandbox validates each request it receives and each response it sends against
 * docs/openapi.yaml, so a request the core builds wrongly fails here (400/422), and so does a
 * response that drifted from the document (500).
 */
import { collect, type LinkkitClient } from '../../core';
import { realClient, type FetchPort } from '../support/fetch-port';
import { linkkitFailure as failure } from '../support/linkkit-failure';
import { startTestSandbox } from '../support/sandbox';

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;
let sandbox: Sandbox;
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
	({ client, port } = realClient(sandbox.url, sandbox.apiKey));
});

function noServerErrors() {
	const bad = port.exchanges.filter((e) => (e.response?.status ?? 0) >= 500);
	expect(bad.map((e) => `${e.request.method} ${e.request.url} → ${JSON.stringify(e.response?.body)}`)).toEqual([]);
}

describe('links', () => {
	it('create, get, lookup three ways, update, delete', async () => {
		const created = await client.links.create({
			destination: 'https://shop.example.com/black-friday?ref=nl',
			slug: 'bf-contract',
			title: 'Black Friday',
			tags: 'sale, newsletter',
			utm: { source: 'newsletter', medium: 'email' },
			expiresAt: '2027-01-01',
		});
		expect(created).toMatchObject({
			id: expect.stringMatching(/^lnk_/),
			slug: 'bf-contract',
			domain: 'lnkk.it',
			shortUrl: 'https://lnkk.it/bf-contract',
			tags: ['sale', 'newsletter'],
			utm: { source: 'newsletter', medium: 'email', campaign: null, term: null, content: null },
			expiresAt: '2027-01-01T00:00:00.000Z',
			clicks: 0,
		});
		expect(await client.links.get(created.id)).toEqual(created);
		expect((await client.links.lookup({ shortUrl: created.shortUrl })).id).toBe(created.id);
		expect((await client.links.lookup({ domain: 'lnkk.it', slug: 'bf-contract' })).id).toBe(created.id);
		expect((await client.links.lookup({ destination: created.destination })).id).toBe(created.id);

		const updated = await client.links.update(created.id, { title: null, tags: ['vip'], utm: { campaign: 'bf26' } });
		expect(updated).toMatchObject({ title: null, tags: ['vip'], utm: { source: 'newsletter', campaign: 'bf26' } });
		expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));

		await expect(client.links.delete(created.id)).resolves.toEqual({ id: created.id, deleted: true });
		expect((await failure(client.links.get(created.id))).status).toBe(404);
		noServerErrors();
	});

	it('inherits the campaign’s UTM defaults and domain', async () => {
		const campaign = await client.campaigns.create({
			name: 'Contract inheritance',
			defaultDomain: 'go.acme-shop.com',
			utm: { source: 'linkkit', campaign: 'inherit' },
		});
		const link = await client.links.create({ destination: 'https://example.com', campaignId: campaign.id, utm: { source: 'override' } });
		expect(link).toMatchObject({ domain: 'go.acme-shop.com', campaignId: campaign.id, utm: { source: 'override', campaign: 'inherit' } });
		expect((await client.campaigns.get(campaign.id)).linkCount).toBe(1);
	});

	it('lists newest first, pages through every link once, and filters', async () => {
		const all = await collect(client.links.iterate({}, { returnAll: true, pageSize: 7 }));
		expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
		expect(all.length).toBeGreaterThan(20);
		for (let i = 1; i < all.length; i++) {
			const [a, b] = [all[i - 1], all[i]];
			expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)).toBe(true);
		}
		const limited = await collect(client.links.iterate({}, { limit: 5 }));
		expect(limited.map((l) => l.id)).toEqual(all.slice(0, 5).map((l) => l.id));

		const tagged = all.find((l) => l.tags.length > 0);
		if (!tagged) throw new Error('seed has no tagged link');
		const byTag = await collect(client.links.iterate({ tag: tagged.tags[0] }, { returnAll: true }));
		expect(byTag.length).toBeGreaterThan(0);
		expect(byTag.every((l) => l.tags.includes(tagged.tags[0]))).toBe(true);

		const cutoff = all[Math.floor(all.length / 2)].createdAt;
		const recent = await collect(client.links.iterate({ createdAfter: cutoff }, { returnAll: true }));
		expect(recent.every((l) => l.createdAt > cutoff)).toBe(true);
		expect(recent.length).toBe(all.filter((l) => l.createdAt > cutoff).length);

		const oldestFirst = await client.links.listPage({ sort: 'createdAt' }, { limit: 3 });
		expect(oldestFirst.data[0].createdAt <= oldestFirst.data[2].createdAt).toBe(true);
		noServerErrors();
	});

	it('bulk create: partial success, results in input order', async () => {
		await client.links.create({ destination: 'https://example.com/taken', slug: 'bulk-taken' });
		const result = await client.links.createMany([
			{ destination: 'https://example.com/1' },
			{ destination: 'https://example.com/2', slug: 'bulk-taken' },
			{ destination: 'not a url' },
			{ destination: 'https://example.com/4', domain: 'unknown-domain.example' },
		]);
		expect(result.data.map((r) => r.index)).toEqual([0, 1, 2, 3]);
		expect('link' in result.data[0]).toBe(true);
		const codes = result.data.slice(1).map((r) => ('error' in r ? r.error.code : 'ok'));
		expect(codes).toEqual(['conflict', 'validation_failed', 'validation_failed']);
		noServerErrors();
	});
});

describe('campaigns and segments', () => {
	it('campaign CRUD and find by name', async () => {
		const created = await client.campaigns.create({ name: 'Contract Spring Sale', status: 'paused', startsAt: '2027-03-01', endsAt: '2027-03-31' });
		expect(created).toMatchObject({ name: 'Contract Spring Sale', status: 'paused', linkCount: 0, startsAt: '2027-03-01T00:00:00.000Z' });
		expect((await client.campaigns.findByName('contract spring sale'))?.id).toBe(created.id);
		expect(await client.campaigns.findByName('No such campaign anywhere')).toBeUndefined();
		const updated = await client.campaigns.update(created.id, { status: 'active', description: 'Spring' });
		expect(updated).toMatchObject({ status: 'active', description: 'Spring' });
		const page = await client.campaigns.listPage({ status: 'active' }, { limit: 100 });
		expect(page.data.some((c) => c.id === created.id)).toBe(true);
		await client.campaigns.delete(created.id);
		expect((await failure(client.campaigns.get(created.id))).code).toBe('not_found');
	});

	it('segment CRUD with rules', async () => {
		const created = await client.segments.create({
			name: 'Contract iPhone users',
			match: 'all',
			rules: [
				{ field: 'os', operator: 'is', value: 'iOS' },
				{ field: 'country', operator: 'is_not', value: 'US' },
			],
		});
		expect(created.rules).toHaveLength(2);
		const updated = await client.segments.update(created.id, { match: 'any', rules: [{ field: 'device', operator: 'is', value: 'mobile' }] });
		expect(updated).toMatchObject({ match: 'any', rules: [{ field: 'device', operator: 'is', value: 'mobile' }] });
		expect((await client.segments.findByName('Contract iPhone users'))?.id).toBe(created.id);
		const all = await collect(client.segments.iterate({}, { returnAll: true }));
		expect(all.some((s) => s.id === created.id)).toBe(true);
		await client.segments.delete(created.id);
		expect((await failure(client.segments.get(created.id))).status).toBe(404);
	});
});

describe('analytics', () => {
	it('summary, timeseries, breakdown and clicks agree with clicks recorded through a redirect', async () => {
		const link = await client.links.create({ destination: 'https://example.com/analytics', slug: 'contract-analytics' });
		const visits = [
			{ country: 'DE', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', visitor: 'v1' },
			{ country: 'DE', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', visitor: 'v1' },
			{ country: 'US', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36', visitor: 'v2' },
		];
		for (const v of visits) {
			const answer = await fetch(`${sandbox.url}/r/contract-analytics`, {
				redirect: 'manual',
				headers: { 'X-Country': v.country, 'User-Agent': v.ua, 'X-Visitor-Id': v.visitor },
			});
			expect(answer.status).toBe(302);
			expect(answer.headers.get('location')).toBe('https://example.com/analytics');
		}
		const summary = await client.analytics.summary({ linkId: link.id, preset: 'today' });
		expect(summary).toMatchObject({ clicks: 3, uniqueVisitors: 2 });
		const series = await client.analytics.timeseries({ linkId: link.id, preset: 'last7Days', interval: 'day' });
		expect(series.data.reduce((sum, b) => sum + b.clicks, 0)).toBe(3);
		const byCountry = await client.analytics.breakdown({ linkId: link.id, dimension: 'country' });
		expect(byCountry.data).toEqual([
			{ value: 'DE', clicks: 2, uniqueVisitors: 1 },
			{ value: 'US', clicks: 1, uniqueVisitors: 1 },
		]);
		const clicks = await collect(client.analytics.clicks({ linkId: link.id }, { returnAll: true, pageSize: 2 }));
		expect(clicks).toHaveLength(3);
		expect(clicks.map((c) => c.country)).toEqual(['US', 'DE', 'DE']);
		expect(clicks[0]).toMatchObject({ linkId: link.id, device: 'desktop', browser: expect.stringMatching(/Chrome/) });
		expect((await client.links.get(link.id)).clicks).toBe(3);
		noServerErrors();
	});

	it('the whole account, a campaign, a segment', async () => {
		const account = await client.analytics.summary({});
		expect(account.clicks).toBeGreaterThan(0);
		const campaigns = await client.campaigns.listPage({}, { limit: 1 });
		const campaign = await client.analytics.summary({ campaignId: campaigns.data[0].id });
		expect(campaign.clicks).toBeLessThanOrEqual(account.clicks);
		const segments = await client.segments.listPage({}, { limit: 1 });
		const segment = await client.analytics.breakdown({ segmentId: segments.data[0].id, dimension: 'device', limit: 3 });
		expect(segment.data.length).toBeLessThanOrEqual(3);
		const byLink = await client.analytics.breakdown({ dimension: 'link', preset: 'last90Days', limit: 5 });
		expect(byLink.data.every((row) => row.value.startsWith('lnk_'))).toBe(true);
		noServerErrors();
	});
});

describe('errors the core turns into clear messages', () => {
	it('401 with a wrong key', async () => {
		const { client: wrong } = realClient(sandbox.url, 'lk_test_not_a_real_key');
		const error = await failure(wrong.links.listPage());
		expect(error).toMatchObject({ status: 401, code: 'unauthorized', requestId: expect.stringMatching(/^req_/) });
		expect(error.message).toBe('API key missing or incorrect — generate one in Linkkit under Settings → API Keys.');
	});

	it('403 with the read-only key names the scope', async () => {
		const { client: readOnly } = realClient(sandbox.url, sandbox.readOnlyKey);
		await expect(readOnly.links.listPage()).resolves.toBeDefined();
		const error = await failure(readOnly.campaigns.create({ name: 'Nope' }));
		expect(error).toMatchObject({ status: 403, code: 'forbidden' });
		expect(error.message).toMatch(/lacks the "campaigns:write" permission to create campaigns/);
	});

	it('404, 409 and 422', async () => {
		expect(await failure(client.links.get('lnk_doesnotexist'))).toMatchObject({ status: 404, code: 'not_found' });
		await client.links.create({ destination: 'https://example.com', slug: 'dup-contract' });
		const conflict = await failure(client.links.create({ destination: 'https://example.com/2', slug: 'dup-contract' }));
		expect(conflict).toMatchObject({ status: 409, code: 'conflict' });
		expect(conflict.message).toMatch(/dup-contract/);
		const invalid = await failure(client.links.create({ destination: 'https://example.com', domain: 'not-ours.example' }));
		expect(invalid).toMatchObject({ status: 422, code: 'validation_failed', field: 'domain' });
		const unknownCampaign = await failure(client.links.create({ destination: 'https://example.com', campaignId: 'cmp_doesnotexist' }));
		expect(unknownCampaign).toMatchObject({ status: 422, field: 'campaignId' });
	});

	it('429: waits Retry-After and gets through; or reports the wait when retries are off', async () => {
		sandbox.setRateLimit(1, 1);
		const { client: patient, port: patientPort } = realClient(sandbox.url, sandbox.apiKey, { pacing: false });
		await patient.links.listPage();
		await patient.links.listPage();
		expect(patientPort.exchanges.map((e) => e.response?.status)).toEqual([200, 429, 200]);
		expect(patientPort.sleeps[0]).toBeGreaterThanOrEqual(1000);

		const { client: impatient } = realClient(sandbox.url, sandbox.apiKey, { pacing: false, maxRetries: 0 });
		const error = await failure(impatient.links.listPage());
		expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterMs: expect.any(Number) });
		expect(error.retryAfterMs).toBeGreaterThanOrEqual(1000);
	});

	it('pacing: with the window used up, the core waits for the reset instead of provoking a 429', async () => {
		sandbox.setRateLimit(2, 2);
		const { client: paced, port: pacedPort } = realClient(sandbox.url, sandbox.apiKey);
		for (let i = 0; i < 4; i++) await paced.links.listPage({}, { limit: 1 });
		expect(pacedPort.exchanges.map((e) => e.response?.status)).toEqual([200, 200, 200, 200]);
		expect(pacedPort.sleeps.length).toBeGreaterThan(0);
	});

	it('500 and 503 on a GET are retried; a create with its idempotency key is retried and creates once', async () => {
		await sandbox.setFaults({ next: [{ kind: '500' }, { kind: '503' }] });
		await expect(client.links.listPage({}, { limit: 1 })).resolves.toBeDefined();
		expect(port.exchanges.map((e) => e.response?.status)).toEqual([500, 503, 200]);

		await sandbox.setFaults({ next: [{ kind: '503' }, { kind: 'drop' }] });
		const before = port.exchanges.length;
		const link = await client.links.create({ destination: 'https://example.com/once', slug: 'created-once' });
		const attempts = port.exchanges.slice(before);
		expect(attempts).toHaveLength(3);
		expect(new Set(attempts.map((e) => e.request.headers['Idempotency-Key'])).size).toBe(1);
		const matches = await collect(client.links.iterate({ search: 'created-once' }, { returnAll: true }));
		expect(matches.map((l) => l.id)).toEqual([link.id]);
	});

	it('a 500 on a create without an idempotency key is not retried', async () => {
		await sandbox.setFaults({ next: [{ kind: '500' }] });
		const error = await failure(client.http.call('createLink', { body: { destination: 'https://example.com' } }));
		expect(error).toMatchObject({ status: 500, code: 'server_error', requestId: expect.stringMatching(/^req_/) });
		expect(port.exchanges).toHaveLength(1);
	});

	it('an HTML error page from a proxy', async () => {
		await sandbox.setFaults({ next: [{ kind: 'html' }, { kind: 'html' }] });
		const { client: once } = realClient(sandbox.url, sandbox.apiKey, { maxRetries: 1 });
		const error = await failure(once.links.listPage());
		expect(error.status).toBe(502);
		expect(error.message).toMatch(/HTML page instead of JSON/);
	});

	it('a dropped connection is a network error naming where it tried', async () => {
		await sandbox.setFaults({ next: [{ kind: 'drop' }] });
		const { client: once } = realClient(sandbox.url, sandbox.apiKey, { maxRetries: 0 });
		const error = await failure(once.links.listPage());
		expect(error.code).toBe('network_error');
		expect(error.message).toContain(`Could not reach Linkkit at ${sandbox.url}`);
	});
});
