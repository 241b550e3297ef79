/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only tool, never shipped in the n8n package */
/** `dataFile`: state written to JSON survives a stop and a fresh start. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSandbox } from '../support/sandbox';
import { get, post, type Link } from './http';

const dir = mkdtempSync(join(tmpdir(), 'linkkit-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps links, campaigns and idempotency records across a restart', async () => {
	const dataFile = join(dir, 'state.json');
	const apiKey = 'lk_test_persistence_key';
	const first = await startTestSandbox({ dataFile, apiKey, seed: 7 });
	const created = await post<Link>(first, '/v1/links', { destination: 'https://example.com/kept', slug: 'kept' }, { headers: { 'Idempotency-Key': 'p-1' } });
	expect(created.status).toBe(201);
	await post(first, '/v1/campaigns', { name: 'Persisted campaign' });
	const countsBefore = first.counts();
	await first.stop();
	expect(existsSync(dataFile)).toBe(true);

	// Another seed would build different data: what comes back must be the file's.
	const second = await startTestSandbox({ dataFile, apiKey, seed: 99 });
	try {
		expect(second.counts()).toEqual(countsBefore);
		const found = await get<Link>(second, '/v1/links/lookup?domain=lnkk.it&slug=kept');
		expect(found.status).toBe(200);
		expect(found.body.id).toBe(created.body.id);
		const replay = await post<Link>(second, '/v1/links', { destination: 'https://example.com/kept', slug: 'kept' }, { headers: { 'Idempotency-Key': 'p-1' } });
		expect(replay.headers.get('idempotent-replayed')).toBe('true');
		expect(replay.body.id).toBe(created.body.id);
	} finally {
		await second.stop();
	}
});
