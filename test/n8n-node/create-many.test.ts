/**
 * Link → Create Many (Linkkit's bulk import) through n8n's engine against the sandbox: one output item per input row,
 * paired with it, saying what became of the row; the links themselves checked in the sandbox.
 */

import { ExecuteContext } from 'n8n-core';

import { collect } from '../../core';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { failureOf, locator, nodeRunner, retryRunner, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox({ rateLimitHeaders: 'full' });
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
const retry = (...args: Parameters<ReturnType<typeof retryRunner>>) => retryRunner(sandbox)(...args);
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

it('additional fields: an expression is read for each row, a plain value once for all (it cannot differ between rows)', async () => {
	const rows = [1, 2, 3].map((n) => ({ url: `https://per-row.example.org/${n}`, title: `Row ${n}` }));
	await run(many({ additionalFields: { title: '={{ $json.title }}', notes: 'same for all' } }), { items: rows });
	const made = await linksTo('per-row.example.org');
	expect(made.map((link) => [link.original_url, link.title, link.notes]).sort()).toEqual(
		rows.map((row) => [row.url, row.title, 'same for all']),
	);
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

it('reads a batch’s rows while the batch before it is in flight: the first request goes out before the later rows are read', async () => {
	// n8n reads a parameter for an item through this method; each Destination URL read is one row read.
	type Reader = { _getNodeParameter(name: string, itemIndex: number, ...rest: unknown[]): unknown };
	const proto = ExecuteContext.prototype as unknown as Reader;
	const original = proto._getNodeParameter;
	const events: string[] = [];
	const reads = jest.spyOn(proto, '_getNodeParameter').mockImplementation(function (this: Reader, name, itemIndex, ...rest) {
		if (name === 'destination') events.push(`read ${itemIndex}`);
		return original.call(this, name, itemIndex, ...rest);
	});
	const sent: SentRequest[] = [];
	const push = sent.push.bind(sent);
	sent.push = (...requests) => (events.push(...requests.map((r) => `send ${r.method} ${new URL(r.url).pathname}`)), push(...requests));
	try {
		const rows = [0, 1, 2, 3, 4, 5].map((i) => ({ url: `https://overlap.example.org/${i}` }));
		const { items } = await run(many({ options: { batchSize: 2 } }), { items: rows, sent });
		expect(items.map((item) => [item.json.status, item.pairedItem])).toEqual(rows.map((_, item) => ['created', { item }]));
	} finally {
		reads.mockRestore();
	}
	expect(events.filter((event) => event.startsWith('read'))).toEqual([0, 1, 2, 3, 4, 5].map((i) => `read ${i}`));
	expect(events.filter((event) => event.startsWith('send'))).toEqual(Array(3).fill('send POST /v1/links/bulk'));
	// The first batch is on its way before the last batch's rows are read.
	expect(events.indexOf('send POST /v1/links/bulk')).toBeLessThan(events.indexOf('read 4'));
	expect(await linksTo('overlap.example.org')).toHaveLength(6);
});

it('a row whose fields cannot be read (a failing expression): with Continue On Fail an error item of its own; without, the run stops there saying what was imported, and n8n’s Retry does not import it again', async () => {
	const rows = [0, 1, 2, 3, 4, 5].map((i) => (i === 3 ? { nested: null } : { url: `https://unreadable.example.org/${i}` }));
	const failing = many({ destination: "={{ $json.url ?? $('No such node').item.json.url }}", options: { batchSize: 2 } });

	const { items } = await run(failing, { items: rows, continueOnFail: true });
	expect(items.map((item) => item.json.status ?? 'error')).toEqual(['created', 'created', 'created', 'error', 'created', 'created']);
	expect(items[3].json.error).toEqual(expect.any(String));
	expect(items.map((item) => item.pairedItem)).toEqual(rows.map((_, item) => ({ item })));
	expect(await linksTo('unreadable.example.org')).toHaveLength(5);

	sandbox.reset();
	const stopped = await failureOf(run(failing, { items: rows, executionId: '501' }));
	// The first batch went out while the second was read; the row that failed and everything after it did not.
	expect(String(stopped.description)).toMatch(/2 link\(s\) were imported by other batches before the run stopped; 4 row\(s\) were not sent/);
	expect(sandbox.stats.current().byRoute['POST /v1/links/bulk']).toBe(1);
	const again = await failureOf(retry(stopped, failing, { items: rows, executionId: '502' }));
	expect(String(again.description)).toMatch(/2 link\(s\) were imported/);
	expect(sandbox.stats.current().byRoute['POST /v1/links/bulk']).toBe(1);
	expect(await linksTo('unreadable.example.org')).toHaveLength(2);
});

it('a row that cannot be read in the first batch fails the node before anything is sent, as n8n reports an expression error', async () => {
	const rows = [{ nested: null }, { url: 'https://first.example.org/1' }];
	const failure = await failureOf(run(many({ destination: "={{ $json.url ?? $('No such node').item.json.url }}" }), { items: rows }));
	expect(failure.description ?? '').not.toMatch(/imported/);
	expect(sandbox.stats.current().byRoute['POST /v1/links/bulk']).toBeUndefined();
});
