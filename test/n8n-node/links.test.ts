/**
 * Link operations through n8n's engine against the sandbox over HTTP: what each writes in Linkkit (read back with the
 * core, never from the node's own output alone) and what each outputs, in Linkkit's field names plus `short_url`.
 */

import { collect, type LinkWithUrl } from '../../core';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { byCode, byId, failureOf, locator, nodeRunner } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
const api = () => realClient(sandbox.url, sandbox.apiKey).client;
const readBack = async (code: string): Promise<LinkWithUrl> => await api().links.get(code);

describe('Link → Create', () => {
	it('with no Short Code: a 10-character code the node derives; every Additional Field reaches Linkkit', async () => {
		const segment = (await api().segments.list())[0];
		const setting = await api().campaignSettings.create({ name: 'Spring', utm_source: 'newsletter', utm_campaign: 'spring' });
		const expiry = new Date(Date.now() + 7 * 86_400_000).toISOString();
		const { items } = await run({
			resource: 'link',
			operation: 'create',
			destination: 'https://example.com/spring?utm_source=old&x=1',
			additionalFields: {
				title: 'Spring sale',
				notes: 'for the team',
				customDomain: locator('list', 'go.acme.test'),
				expireAt: expiry,
				segmentId: locator('list', segment.id!),
				active: false,
				campaignSettingId: locator('list', setting.id!),
			},
		});
		expect(items).toHaveLength(1);
		const out = items[0].json;
		expect(out.short_code).toMatch(/^[A-Za-z0-9]{10}$/);
		expect(out).toMatchObject({
			title: 'Spring sale',
			notes: 'for the team',
			custom_domain: 'go.acme.test',
			list_id: segment.id,
			is_active: false,
			short_url: `https://go.acme.test/${out.short_code}`,
			original_url: 'https://example.com/spring?utm_source=newsletter&x=1&utm_campaign=spring',
		});
		expect(Date.parse(String(out.expire_at))).toBe(Date.parse(expiry));
		const stored = await readBack(String(out.short_code));
		expect(stored).toMatchObject({ original_url: out.original_url, list_id: segment.id, is_active: false, custom_domain: 'go.acme.test' });
	});

	it('with a Short Code: the link gets it; a code another link has is refused and that link left as it was', async () => {
		const first = await run({ resource: 'link', operation: 'create', destination: 'https://example.com/a', shortCode: 'summer-sale' });
		expect(first.items[0].json).toMatchObject({ short_code: 'summer-sale', short_url: 'https://uselinkkit.com/summer-sale' });

		const taken = await failureOf(run({ resource: 'link', operation: 'create', destination: 'https://example.com/b', shortCode: 'summer-sale' }));
		expect(taken).toMatchObject({ httpCode: '409', message: expect.stringMatching(/"summer-sale" is already in use by another link \(to https:\/\/example\.com\/a\)/) });
		expect((await readBack('summer-sale')).original_url).toBe('https://example.com/a');

		// The same create again (same details) is the one already made: it is handed back, not refused.
		const again = await run({ resource: 'link', operation: 'create', destination: 'https://example.com/a', shortCode: 'summer-sale' });
		expect(again.items[0].json.id).toBe(first.items[0].json.id);
	});

	it('Let Linkkit Pick the Code: a 6-character code of Linkkit’s; with a Short Code as well it is refused before sending', async () => {
		const { items } = await run({ resource: 'link', operation: 'create', destination: 'https://example.com/picked', options: { linkkitPicksCode: true } });
		expect(items[0].json.short_code).toMatch(/^[A-Za-z0-9]{6}$/);
		expect(sandbox.stats.current().byRoute['POST /v1/links']).toBe(1);

		const sent: unknown[] = [];
		const both = await failureOf(
			run({ resource: 'link', operation: 'create', destination: 'https://example.com/x', shortCode: 'mine', options: { linkkitPicksCode: true } }, { sent: sent as never }),
		);
		expect(both.message).toMatch(/^Short Code: is given, and "Let Linkkit Pick the Code" is on/);
		expect(sent).toEqual([]);
	});

	it('one link per item, in input order, each paired with its item', async () => {
		const items = Array.from({ length: 12 }, (_, i) => ({ url: `https://example.com/item/${i}` }));
		const result = await run({ resource: 'link', operation: 'create', destination: '={{ $json.url }}' }, { items });
		expect(result.items.map((item) => item.json.original_url)).toEqual(items.map((item) => item.url));
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(new Set(result.items.map((item) => item.json.short_code)).size).toBe(12);
	});
});

describe('Link → Create or Update', () => {
	it('creates under the code (created: true), then changes that link (created: false)', async () => {
		const parameters = (url: string) => ({ resource: 'link', operation: 'createOrUpdate', shortCode: 'black-friday', destination: url, additionalFields: { title: url } });
		const created = await run(parameters('https://example.com/bf'));
		expect(created.items[0].json).toMatchObject({ short_code: 'black-friday', created: true, original_url: 'https://example.com/bf' });
		const updated = await run(parameters('https://example.com/bf-2'));
		expect(updated.items[0].json).toMatchObject({ short_code: 'black-friday', created: false, original_url: 'https://example.com/bf-2', id: created.items[0].json.id });
		expect((await readBack('black-friday')).title).toBe('https://example.com/bf-2');
	});
});

describe('Link → Get', () => {
	it('from the list, by short code and by short URL: the same link', async () => {
		const link = (await run({ resource: 'link', operation: 'create', destination: 'https://example.com/get', shortCode: 'get-me' })).items[0].json;
		for (const picked of [locator('list', 'get-me'), byCode('get-me'), locator('shortUrl', 'https://uselinkkit.com/get-me'), 'https://go.acme.test/get-me']) {
			const { items } = await run({ resource: 'link', operation: 'get', link: picked });
			expect(items[0].json).toEqual(link);
		}
	});
});

describe('Link → Get Many', () => {
	it('Limit, Return All across pages, and the filters (search, segment, active)', async () => {
		const total = sandbox.counts().links;
		expect(total).toBeGreaterThan(100 / 2);
		const limited = await run({ resource: 'link', operation: 'getMany', limit: 7 });
		expect(limited.items).toHaveLength(7);
		expect(limited.items.every((item) => typeof item.json.short_url === 'string')).toBe(true);

		for (let i = 0; i < 60; i++) await api().links.upsert(`bulkish-${i}`, { original_url: `https://example.com/many/${i}` });
		const all = await run({ resource: 'link', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(total + 60);
		expect(new Set(all.items.map((item) => item.json.id)).size).toBe(total + 60);
		expect(sandbox.stats.current().byRoute['GET /v1/links']).toBeGreaterThanOrEqual(2);

		const segment = (await api().segments.list())[1];
		await api().links.update('bulkish-1', { list_id: segment.id, is_active: false });
		const searched = await run({ resource: 'link', operation: 'getMany', returnAll: true, filters: { search: 'EXAMPLE.COM/MANY/1' } });
		expect(searched.items.map((item) => item.json.short_code).sort()).toEqual(
			['bulkish-1', ...Array.from({ length: 10 }, (_, i) => `bulkish-1${i}`)].sort(),
		);
		const inSegment = await run({ resource: 'link', operation: 'getMany', returnAll: true, filters: { segmentId: locator('list', segment.id!), search: 'many' } });
		expect(inSegment.items.map((item) => item.json.short_code)).toEqual(['bulkish-1']);
		const inactive = await run({ resource: 'link', operation: 'getMany', returnAll: true, filters: { active: false, search: 'many' } });
		expect(inactive.items.map((item) => item.json.short_code)).toEqual(['bulkish-1']);
	});
});

describe('Link → Update', () => {
	it('changes only the fields given; a Campaign Setting is written into the new destination; Clear Fields empties', async () => {
		await run({ resource: 'link', operation: 'create', destination: 'https://example.com/u', shortCode: 'upd-me', additionalFields: { title: 'Old', notes: 'keep' } });
		const setting = await api().campaignSettings.create({ name: 'Autumn', utm_medium: 'email' });
		const { items } = await run({
			resource: 'link',
			operation: 'update',
			link: byCode('upd-me'),
			updateFields: { destination: 'https://example.com/u2', campaignSettingId: byId(setting.id!), clearFields: ['title'] },
		});
		expect(items[0].json).toMatchObject({ short_code: 'upd-me', original_url: 'https://example.com/u2?utm_medium=email', title: null, notes: 'keep' });

		const needsDestination = await failureOf(run({ resource: 'link', operation: 'update', link: byCode('upd-me'), updateFields: { campaignSettingId: byId(setting.id!) } }));
		expect(needsDestination.message).toMatch(/^Destination URL: is needed to apply a UTM template/);
	});

	it('a New Short Code renames the link: the old code is gone, a taken one is refused with Linkkit’s message', async () => {
		await run({ resource: 'link', operation: 'create', destination: 'https://example.com/r', shortCode: 'old-name' });
		await run({ resource: 'link', operation: 'create', destination: 'https://example.com/other', shortCode: 'taken-name' });
		const renamed = await run({ resource: 'link', operation: 'update', link: byCode('old-name'), updateFields: { shortCode: 'new-name' } });
		expect(renamed.items[0].json).toMatchObject({ short_code: 'new-name', short_url: 'https://uselinkkit.com/new-name' });
		expect(await api().links.getOrNothing('old-name')).toBeUndefined();

		const clash = await failureOf(run({ resource: 'link', operation: 'update', link: byCode('new-name'), updateFields: { shortCode: 'taken-name' } }));
		expect(clash).toMatchObject({ httpCode: '409' });
		expect(String(clash.description)).toMatch(/Linkkit said: /);
	});
});

describe('Link → Delete', () => {
	it('deletes the link; it no longer exists', async () => {
		await run({ resource: 'link', operation: 'create', destination: 'https://delete.example.org/d', shortCode: 'delete-me' });
		const { items } = await run({ resource: 'link', operation: 'delete', link: locator('shortUrl', 'https://uselinkkit.com/delete-me') });
		expect(items[0].json).toEqual({ short_code: 'delete-me', deleted: true });
		expect(await api().links.getOrNothing('delete-me')).toBeUndefined();
		expect(await collect(api().links.iterate({ search: 'delete.example.org' }, { returnAll: true }))).toEqual([]);
	});
});
