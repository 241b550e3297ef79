/**
 * Segment (the API's lists), Campaign Setting (UTM templates), Tag, QR Code, Domain and Workspace operations through
 * n8n's engine against the sandbox, each checked against what the sandbox holds afterwards.
 */

import type { IDataObject } from 'n8n-workflow';

import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { byCode, byId, failureOf, locator, nodeRunner } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox({ rateLimitHeaders: 'full' });
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
const api = () => realClient(sandbox.url, sandbox.apiKey).client;
const only = async (parameters: Record<string, unknown>) => (await run(parameters)).items[0].json;
const jsons = async (parameters: Record<string, unknown>): Promise<IDataObject[]> => (await run(parameters)).items.map((item) => item.json);

describe.each([
	{ resource: 'segment', idField: 'segmentId', list: () => api().segments.list(), extra: { color: '#3b82f6' }, expected: { color: '#3B82F6' }, change: { color: '#10b981' } },
	{ resource: 'tag', idField: 'tagId', list: () => api().tags.list(), extra: { color: '#f53' }, expected: { color: '#FF5533' }, change: { color: '#000000' } },
	{
		resource: 'campaignSetting',
		idField: 'campaignSettingId',
		list: () => api().campaignSettings.list(),
		extra: { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring', utm_term: 'shoes', utm_content: 'top', ref: 'p42' },
		expected: { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring', utm_term: 'shoes', utm_content: 'top', ref: 'p42' },
		change: { utm_source: 'ads' },
	},
])('$resource', ({ resource, idField, list, extra, expected, change }) => {
	it('Create, Get (from list and by ID), Get Many (Limit, Return All), Update, Delete', async () => {
		const before = (await list()).length;
		const created = await only({ resource, operation: 'create', name: `New ${resource}`, additionalFields: extra });
		expect(created).toMatchObject({ name: `New ${resource}`, ...expected, id: expect.any(String) });
		expect((await list()).length).toBe(before + 1);

		expect(await only({ resource, operation: 'get', [idField]: locator('list', String(created.id)) })).toEqual(created);
		expect(await only({ resource, operation: 'get', [idField]: byId(String(created.id)) })).toEqual(created);

		expect(await jsons({ resource, operation: 'getMany', limit: 2 })).toHaveLength(2);
		const all = await jsons({ resource, operation: 'getMany', returnAll: true });
		expect(all).toHaveLength(before + 1);
		expect(all.map((item) => item.id)).toContain(created.id);

		const updated = await only({ resource, operation: 'update', [idField]: byId(String(created.id)), updateFields: { name: 'Renamed', ...change } });
		expect(updated).toMatchObject({ id: created.id, name: 'Renamed' });
		expect((await list()).find((item) => item.id === created.id)).toMatchObject({ name: 'Renamed' });

		expect(await only({ resource, operation: 'delete', [idField]: byId(String(created.id)) })).toEqual({ id: created.id, deleted: true });
		expect((await list()).map((item) => item.id)).not.toContain(created.id);
	});

	it('Update with nothing to change, and an ID that is not one, are refused before any request', async () => {
		const [first] = await list();
		const nothing = await failureOf(run({ resource, operation: 'update', [idField]: byId(String(first.id)), updateFields: {} }));
		expect(nothing.message).toMatch(/^Update Fields: /);
		// n8n's editor refuses a typed ID of the wrong form itself; one mapped from an expression reaches the node.
		const notAnId = await failureOf(run({ resource, operation: 'get', [idField]: byId('={{ $json.id }}') }, { items: [{ id: 'not-an-id' }] }));
		expect(notAnId.message).toMatch(/: "not-an-id" is not a .* ID/);
		expect(sandbox.stats.current().requests).toBe(1);
	});
});

describe('Segment → Add Link and Remove Link', () => {
	it('moves a link into a segment (its list_id), and out again', async () => {
		const [a, b] = await api().segments.list();
		await api().links.upsert('seg-link', { original_url: 'https://example.com/seg', list_id: a.id });
		const added = await only({ resource: 'segment', operation: 'addLink', segmentId: locator('list', b.id!), link: byCode('seg-link') });
		expect(added).toMatchObject({ short_code: 'seg-link', list_id: b.id, short_url: 'https://uselinkkit.com/seg-link' });
		expect((await api().links.get('seg-link')).list_id).toBe(b.id);

		const removed = await only({ resource: 'segment', operation: 'removeLink', link: locator('shortUrl', 'https://uselinkkit.com/seg-link') });
		expect(removed).toMatchObject({ short_code: 'seg-link', list_id: null });
		expect((await api().links.get('seg-link')).list_id).toBeNull();
	});
});

describe('QR Code', () => {
	it('Create for a link (its short URL) and for any URL; Get, Get Many, Update, Delete', async () => {
		await api().links.upsert('qr-link', { original_url: 'https://example.com/qr', custom_domain: 'go.acme.test' });
		const before = sandbox.counts().qrCodes;
		const forLink = await only({ resource: 'qrCode', operation: 'create', target: 'link', link: byCode('qr-link'), additionalFields: { name: 'Poster', color: '#1d4ed8' } });
		expect(forLink).toMatchObject({ url: 'https://go.acme.test/qr-link', name: 'Poster', color: '#1D4ED8' });
		const forUrl = await only({ resource: 'qrCode', operation: 'create', target: 'url', url: 'https://example.com/menu', additionalFields: { showLogo: true, logoUrl: 'https://example.com/logo.png' } });
		expect(forUrl).toMatchObject({ url: 'https://example.com/menu', show_logo: true, logo_url: 'https://example.com/logo.png' });
		expect(sandbox.counts().qrCodes).toBe(before + 2);

		expect(await only({ resource: 'qrCode', operation: 'get', qrCodeId: locator('list', String(forLink.id)) })).toEqual(forLink);
		const all = await jsons({ resource: 'qrCode', operation: 'getMany', returnAll: true });
		expect(all).toHaveLength(before + 2);
		expect(await jsons({ resource: 'qrCode', operation: 'getMany', limit: 1 })).toHaveLength(1);

		const updated = await only({ resource: 'qrCode', operation: 'update', qrCodeId: byId(String(forUrl.id)), updateFields: { name: 'Menu', url: 'https://example.com/menu-2' } });
		expect(updated).toMatchObject({ id: forUrl.id, name: 'Menu', url: 'https://example.com/menu-2' });
		expect(await only({ resource: 'qrCode', operation: 'delete', qrCodeId: byId(String(forUrl.id)) })).toEqual({ id: forUrl.id, deleted: true });
		expect(sandbox.counts().qrCodes).toBe(before + 1);
	});
});

describe('Domain and Workspace', () => {
	it('Domain → Get Many lists the custom domains; Get adds the DNS records', async () => {
		const domains = await jsons({ resource: 'domain', operation: 'getMany', returnAll: true });
		expect(domains.map((d) => [d.domain, d.is_verified]).sort()).toEqual([
			['go.acme.test', true],
			['links.acme.test', false],
		]);
		const verified = domains.find((d) => d.domain === 'go.acme.test')!;
		const detail = await only({ resource: 'domain', operation: 'get', domainId: locator('list', String(verified.id)) });
		expect(detail).toMatchObject({ id: verified.id, domain: 'go.acme.test', cname_value: 'cname.uselinkkit.com', txt_name: '_linkkit.go' });
	});

	it('Workspace → Get Many lists the workspaces the key reaches, with its role', async () => {
		const workspaces = await jsons({ resource: 'workspace', operation: 'getMany', returnAll: true });
		expect(workspaces.map((w) => [w.name, w.role])).toEqual(
			expect.arrayContaining([
				['Acme Inc', 'owner'],
				['Acme Labs', 'member'],
			]),
		);
	});
});
