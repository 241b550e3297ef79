/**
 * Link → Create Many (Linkkit's bulk import) through n8n's engine against the sandbox: one output item per input row,
 * paired with it, saying what became of the row; the links themselves checked in the sandbox.
 */

import { collect } from '../../core';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { failureOf, locator, nodeRunner } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox({ rateLimitHeaders: 'full' });
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
const api = () => realClient(sandbox.url, sandbox.apiKey).client;
const linksTo = async (search: string) => await collect(api().links.iterate({ search }, { returnAll: true }));
const many = (extra: Record<string, unknown> = {}) => ({ resource: 'link', operation: 'createMany', destination: '={{ $json.url }}', ...extra });

it('each row: created, skipped by Linkkit’s safety checks (with its reason) or invalid (refused before sending, naming the field)', async () => {
	const rows = [
		{ url: 'https://rows.example.org/1' },
		{ url: 'https://malware.test/bad' },
		{ url: 'not a url' },
		{ url: '' },
		{ url: 'https://www.phishing.test/login' },
		{ url: 'https://rows.example.org/2' },
	];
	const before = sandbox.counts().links;
	const { items } = await run(many({ additionalFields: { title: 'Imported', notes: 'from a sheet', customDomain: locator('name', 'go.acme.test') } }), { items: rows });
	expect(items.map((item) => [item.json.status, item.json.original_url])).toEqual([
		['created', 'https://rows.example.org/1'],
		['skipped', 'https://malware.test/bad'],
		['invalid', 'not a url'],
		['invalid', ''],
		['skipped', 'https://www.phishing.test/login'],
		['created', 'https://rows.example.org/2'],
	]);
	expect(items.map((item) => item.pairedItem)).toEqual(rows.map((_, i) => ({ item: i })));
	expect(items[1].json.reason).toBe('URL failed safety checks');
	expect(items[2].json.reason).toMatch(/^Destination URL: "not a url" is not a full web address/);
	expect(items[3].json.reason).toMatch(/^Destination URL: is required/);
	expect(items[0].json.reason).toBeUndefined();

	expect(sandbox.counts().links).toBe(before + 2);
	const made = await linksTo('rows.example.org');
	expect(made.map((link) => [link.title, link.notes, link.custom_domain])).toEqual([
		['Imported', 'from a sheet', 'go.acme.test'],
		['Imported', 'from a sheet', 'go.acme.test'],
	]);
	expect(sandbox.stats.current().byRoute['POST /v1/links/bulk']).toBe(1);
});

it('up to 1 000 rows per request by default; Batch Size makes smaller ones; every row once', async () => {
	const rows = Array.from({ length: 1_205 }, (_, i) => ({ url: `https://large.example.org/${i}` }));
	const { items } = await run(many(), { items: rows });
	expect(items).toHaveLength(1_205);
	expect(items.every((item) => item.json.status === 'created')).toBe(true);
	expect(sandbox.stats.current().byRoute['POST /v1/links/bulk']).toBe(2);
	expect(await linksTo('large.example.org')).toHaveLength(1_205);

	sandbox.reset();
	const small = await run(many({ options: { batchSize: 2 } }), { items: rows.slice(0, 5) });
	expect(small.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	expect(sandbox.stats.current().byRoute['POST /v1/links/bulk']).toBe(3);
});

it('a request Linkkit refuses as a whole (its plan’s limit): with Continue On Fail, its rows carry the error; without, the run stops saying what was imported', async () => {
	const rows = [0, 1, 2, 3].map((i) => ({ url: `https://plan.example.org/${i}` }));
	sandbox.setPlan({ planLinks: sandbox.counts().links + 2 });
	const { items } = await run(many({ options: { batchSize: 2 } }), { items: rows, continueOnFail: true });
	// Both batches are in flight at once: whichever Linkkit takes first fits, the other is refused.
	const outcomes = items.map((item) => item.json.status ?? item.json.httpCode);
	expect([outcomes.slice(0, 2), outcomes.slice(2)].sort()).toEqual([
		['403', '403'],
		['created', 'created'],
	]);
	const refused = items.find((item) => item.json.httpCode === '403')!;
	expect(refused.json).toMatchObject({ code: 'forbidden', apiMessage: expect.stringMatching(/plan/i), original_url: expect.stringMatching(/^https:\/\/plan\.example\.org\//) });
	expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));

	sandbox.reset();
	sandbox.setPlan({ planLinks: sandbox.counts().links + 2 });
	const stopped = await failureOf(run(many({ options: { batchSize: 2 } }), { items: rows }));
	expect(stopped).toMatchObject({ httpCode: '403' });
	expect(String(stopped.description)).toMatch(/2 link\(s\) were imported by other batches before the run stopped/);
});
