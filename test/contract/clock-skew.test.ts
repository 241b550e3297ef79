/**
 * Issue 8's reproduction, over real HTTP: with the client's clock 90 s behind Linkkit's, the pacer once read the
 * epoch `X-RateLimit-Reset` against the local clock, concluded "resets in 92 s" and failed every call after Remaining
 * reached 0 without sending it. The pacer must time the limit from what the answers say (relative reset, Date).
 */
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';

const SKEW_MS = 90_000;
let sandbox: RunningSandbox;

beforeAll(async () => {
	// The sandbox's clock runs 90 s ahead of this machine's: the client is 90 s behind the server.
	sandbox = await startTestSandbox({ now: () => Date.now() + SKEW_MS, rate: 4, burst: 2 });
});
afterAll(() => sandbox.stop());

test('client 90 s behind the server: calls past the burst wait for their token and succeed, with no 429', async () => {
	const { client, port } = realClient(sandbox.url, sandbox.apiKey, { maxRetries: 0, maxWaitMs: 5_000 });
	const started = Date.now();
	for (let i = 0; i < 8; i++) await client.links.listPage({}, { limit: 1 });
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
