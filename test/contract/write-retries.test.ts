/**
 * Writes whose first attempt was carried out but whose answer was lost (sandbox `commit-drop`), replaced by a 500
 * (`commit-500`) or never came (`stall`, abandoned at the request timeout): the core's retry must end as a success
 * with the right output, and the sandbox's own records must show one object, never two (and a deleted one gone).
 */
import type { FaultKind } from '../../sandbox';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	// The sandbox's request validator prepares itself on the first request; keep that out of the timed attempts.
	await realClient(sandbox.url, sandbox.apiKey).client.links.listPage({}, { limit: 1 });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

/** A client whose next request meets `kind`; stalls are abandoned after 1 s. */
function clientFacing(kind: FaultKind) {
	sandbox.setFaults({ stallMs: 5_000, next: [{ kind }] });
	return realClient(sandbox.url, sandbox.apiKey, { requestTimeoutMs: 1_000, baseDelayMs: 10 });
}

const KINDS: FaultKind[] = ['commit-drop', 'commit-500', 'stall'];

describe.each(KINDS)('%s on the first attempt', (kind) => {
	test('link create: one link, the retry answers with it', async () => {
		const before = sandbox.counts().links;
		const { client, port } = clientFacing(kind);
		const link = await client.links.create({ destination: `https://example.com/${kind}`, slug: `retry-${kind}` });
		expect(link).toMatchObject({ slug: `retry-${kind}`, destination: `https://example.com/${kind}` });
		expect(sandbox.counts().links).toBe(before + 1);
		expect(port.exchanges).toHaveLength(2);
		// The replay carries the same object (a commit-* retry is answered from the idempotency record).
		expect(await client.links.get(link.id)).toMatchObject({ slug: `retry-${kind}` });
	});

	test('link create many: every entry once, with its own link', async () => {
		const before = sandbox.counts().links;
		const { client } = clientFacing(kind);
		const result = await client.links.createMany([{ destination: 'https://example.com/a' }, { destination: 'https://example.com/b', slug: `bulk-${kind}` }]);
		expect(result.data.map((entry) => ('link' in entry ? entry.link.destination : 'failed'))).toEqual(['https://example.com/a', 'https://example.com/b']);
		expect(sandbox.counts().links).toBe(before + 2);
	});

	test('link update: the change is made once and the output shows it', async () => {
		const { client: plain } = realClient(sandbox.url, sandbox.apiKey);
		const link = await plain.links.create({ destination: 'https://example.com/to-update' });
		const { client } = clientFacing(kind);
		const updated = await client.links.update(link.id, { title: 'After', slug: `renamed-${kind}` });
		expect(updated).toMatchObject({ id: link.id, title: 'After', slug: `renamed-${kind}` });
		expect(await plain.links.get(link.id)).toMatchObject({ title: 'After', slug: `renamed-${kind}` });
	});

	test('link delete: success, and the link is gone', async () => {
		const { client: plain } = realClient(sandbox.url, sandbox.apiKey);
		const link = await plain.links.create({ destination: 'https://example.com/to-delete' });
		const before = sandbox.counts().links;
		const { client, port } = clientFacing(kind);
		await expect(client.links.delete(link.id)).resolves.toEqual({ id: link.id, deleted: true });
		expect(sandbox.counts().links).toBe(before - 1);
		// commit-* deleted on the first attempt, so the retry met a 404; a stall changed nothing, so the retry deleted.
		expect(port.exchanges.map((e) => e.response?.status)).toEqual([kind === 'commit-500' ? 500 : undefined, kind === 'stall' ? 204 : 404]);
	});

	test('campaign create, update and delete', async () => {
		const before = sandbox.counts().campaigns;
		const campaign = await clientFacing(kind).client.campaigns.create({ name: `Retry ${kind}` });
		expect(campaign).toMatchObject({ name: `Retry ${kind}`, status: 'active' });
		expect(sandbox.counts().campaigns).toBe(before + 1);
		expect(await clientFacing(kind).client.campaigns.update(campaign.id, { name: `Retry ${kind} (renamed)`, status: 'paused' })).toMatchObject({
			name: `Retry ${kind} (renamed)`,
			status: 'paused',
		});
		expect(await clientFacing(kind).client.campaigns.delete(campaign.id)).toEqual({ id: campaign.id, deleted: true });
		expect(sandbox.counts().campaigns).toBe(before);
	});

	test('segment create, update and delete', async () => {
		const before = sandbox.counts().segments;
		const rules = [{ field: 'country', operator: 'is', value: 'DE' }];
		const segment = await clientFacing(kind).client.segments.create({ name: `Retry ${kind}`, rules });
		expect(segment).toMatchObject({ name: `Retry ${kind}`, rules });
		expect(sandbox.counts().segments).toBe(before + 1);
		expect(await clientFacing(kind).client.segments.update(segment.id, { description: 'updated' })).toMatchObject({ description: 'updated' });
		expect(await clientFacing(kind).client.segments.delete(segment.id)).toEqual({ id: segment.id, deleted: true });
		expect(sandbox.counts().segments).toBe(before);
	});
});

test('a read that stalls is abandoned at the timeout and retried', async () => {
	const { client, port } = clientFacing('stall');
	const started = Date.now();
	const page = await client.links.listPage({}, { limit: 2 });
	expect(page.data).toHaveLength(2);
	expect(port.exchanges).toHaveLength(2);
	expect(Date.now() - started).toBeGreaterThanOrEqual(990);
});

test('a create that keeps stalling ends with a timeout error that says its outcome is unknown', async () => {
	sandbox.setFaults({ stallMs: 5_000, stall: 1 });
	const { client } = realClient(sandbox.url, sandbox.apiKey, { requestTimeoutMs: 200, maxRetries: 1, baseDelayMs: 10 });
	const before = sandbox.counts().links;
	await expect(client.links.create({ destination: 'https://example.com/never' })).rejects.toMatchObject({
		code: 'timeout',
		message: expect.stringContaining('did not answer within 200 ms'),
	});
	expect(sandbox.counts().links).toBe(before);
});
