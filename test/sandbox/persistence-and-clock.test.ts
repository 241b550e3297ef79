/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test, never shipped in the n8n package */
/**
 * `dataFile`: state survives a stop and a fresh start; the sandbox's own clock (`now`, `--clock-offset`) dates its
 * answers and records; and response validation is on: a stored object that breaks the contract is a loud 500.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSandbox } from '../support/sandbox';
import { get, post, put, sleep, type Link, type Tag } from './http';

const dir = mkdtempSync(join(tmpdir(), 'linkkit-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps links, tags, clicks, conversions and hooks across a restart, whatever the seed', async () => {
	const dataFile = join(dir, 'state.json');
	const apiKey = 'lk_test_persistence_key';
	const publishableKey = 'pk_test_persistence_key';
	const first = await startTestSandbox({ dataFile, apiKey, publishableKey, seed: 7 });
	const link = (await put<Link>(first, '/v1/links/kept-1', { original_url: 'https://example.com/kept' })).body;
	const tag = (await post<Tag>(first, '/v1/tags', { name: 'persisted' })).body;
	await fetch(`${first.url}/kept-1`, { redirect: 'manual' });
	await post(first, '/track/lead', { publishable_key: publishableKey, customer_external_id: 'kept' }, { key: null });
	await post(first, '/v1/hooks', { event: 'link.created', target_url: 'http://127.0.0.1:9/hook' });
	const countsBefore = first.counts();
	await first.stop();
	expect(existsSync(dataFile)).toBe(true);

	// Another seed would build a different account: what comes back must be the file's.
	const second = await startTestSandbox({ dataFile, apiKey, publishableKey, seed: 99 });
	try {
		expect(second.counts()).toEqual(countsBefore);
		expect((await get<Link>(second, '/v1/links/kept-1')).body).toEqual(link);
		expect((await get<Tag>(second, `/v1/tags/${tag.id}`)).body).toEqual(tag);
		expect(second.workspaceId).toBe((await get<{ workspace_id: string }>(second, '/v1/auth/test')).body.workspace_id);
		expect(second.hooks()).toHaveLength(1);
		// Changes are saved (debounced) while running, not only at stop.
		await put(second, '/v1/links/kept-2', { original_url: 'https://example.com/later' });
		await sleep(400);
		expect(readFileSync(dataFile, 'utf8')).toContain('kept-2');
	} finally {
		await second.stop();
	}
});

it('refuses a data file of the old contract', async () => {
	const dataFile = join(dir, 'old.json');
	writeFileSync(dataFile, JSON.stringify({ version: 1, links: [], campaigns: [], segments: [], clicks: [], idempotency: [] }));
	await expect(startTestSandbox({ dataFile })).rejects.toThrow(/version 1/);
});

it('validates every answer against the contract: a stored link that breaks it is a 500, not a silent answer', async () => {
	const dataFile = join(dir, 'broken.json');
	const good = await startTestSandbox({ dataFile, seed: 3 });
	const code = (await put<Link>(good, '/v1/links/broken-1', { original_url: 'https://example.com/fine' })).body.short_code;
	await good.stop();
	writeFileSync(dataFile, readFileSync(dataFile, 'utf8').replace('"short_code":"broken-1","original_url":"https://example.com/fine"', '"short_code":"broken-1","original_url":"not a uri"'));
	const broken = await startTestSandbox({ dataFile });
	try {
		const reply = await get(broken, `/v1/links/${code}`);
		expect(reply.status).toBe(500);
		expect(reply.body.error).toMatch(/Sandbox error.*original_url/);
	} finally {
		await broken.stop();
	}
});

it('runs on its own clock: Date, created_at and the seed follow `now`, not the machine', async () => {
	// Far enough ahead that even the oldest seeded link (90 days back from `now`) lies in the machine's future.
	const ahead = Date.now() + 200 * 86_400_000;
	const sandbox = await startTestSandbox({ now: () => ahead });
	try {
		const reply = await put<Link>(sandbox, '/v1/links/clocked-1', { original_url: 'https://example.com/clock' });
		expect(reply.headers.get('date')).toBe(new Date(ahead).toUTCString());
		expect(reply.body.created_at).toBe(new Date(ahead).toISOString());
		const oldestSeeded = (await get<{ data: Link[] }>(sandbox, '/v1/links?limit=1&page=61')).body.data[0];
		expect(Date.parse(oldestSeeded.created_at)).toBeGreaterThan(Date.now());
		expect(Date.parse(oldestSeeded.created_at)).toBeLessThan(ahead);
	} finally {
		await sandbox.stop();
	}
});
