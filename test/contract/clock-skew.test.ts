/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * A client whose clock is 90 s behind Linkkit's, over real HTTP. Nothing may depend on the two clocks agreeing:
 *  - pacing (issue 8's reproduction): the epoch `X-RateLimit-Reset` read against the local clock once said "resets in
 *    92 s" and failed every call after Remaining reached 0; the pacer must time the limit from the answers alone;
 *  - looking for what a lost create made: "made since the attempt" is judged on Linkkit's clock (its Date), or a
 *    client behind would take older links for the attempt's, and one ahead would miss the attempt's own.
 */
import { createLinkkitClient } from '../../core';
import { FetchPort } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';

const SKEW_MS = 90_000;
let sandbox: RunningSandbox;

beforeAll(async () => {
	// The sandbox's clock runs 90 s ahead of this machine's: the client is 90 s behind the server.
	sandbox = await startTestSandbox({ now: () => Date.now() + SKEW_MS, rate: 4, burst: 2, rateLimitHeaders: 'full' });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

test('client 90 s behind the server: calls past the burst wait for their token and succeed, with no 429', async () => {
	const port = new FetchPort(sandbox.apiKey);
	const client = createLinkkitClient(port, { baseUrl: sandbox.url, retry: { maxRetries: 0, maxWaitMs: 5_000 } });
	const started = Date.now();
	for (let i = 0; i < 8; i++) await client.links.listPage({}, 1, 1);
	const elapsed = Date.now() - started;

	const statuses = port.exchanges.map((exchange) => exchange.response?.status);
	expect(statuses).toEqual(Array(8).fill(200));
	// 2 at once, then 6 more at 4 a second: about 1.5 s, never the 90 s the skew would suggest.
	expect(elapsed).toBeGreaterThanOrEqual(1_200);
	expect(elapsed).toBeLessThan(10_000);
	// The server's clock really is ahead: its Date header says so.
	const date = Date.parse(String(port.exchanges[0].response?.headers.date));
	expect(date - started).toBeGreaterThan(SKEW_MS - 5_000);
});

test("client 90 s behind: a lost create is found among the links made since the attempt by Linkkit's clock, and an older twin is not taken for it", async () => {
	const port = new FetchPort(sandbox.apiKey);
	const client = createLinkkitClient(port, { baseUrl: sandbox.url, settleMs: 1_500, retry: { baseDelayMs: 10 } });
	// A link to the same URL made 2.5 s before the attempt (by Linkkit's clock): by this machine's clock, 87 s after it.
	await client.links.upsert('older-twin', { original_url: 'https://example.com/skew' });
	await new Promise((resolve) => setTimeout(resolve, 2_500));
	sandbox.setFaults({ next: [{ kind: 'commit-500', match: 'POST /v1/links' }] });
	const before = sandbox.counts().links;
	const { link } = await client.links.createPicked({ original_url: 'https://example.com/skew' });
	expect(link.short_code).not.toBe('older-twin');
	expect(sandbox.counts().links).toBe(before + 1);
	expect(port.exchanges.filter((e) => e.request.method === 'POST')).toHaveLength(1);
});
