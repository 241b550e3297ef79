/**
 * A rate-limit wait the node will not sit out is told in n8n's words (the node's Options by name), from the
 * numbers the core hands over; the core's own message stays free of any platform's terms.
 */
import { NodeApiError } from 'n8n-workflow';

import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { runNode } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterEach(() => sandbox.setFaults({ next: [] }));
afterAll(async () => await sandbox.stop());

const create = { resource: 'link', operation: 'create', destination: 'https://example.com/rate-limited' };

it('a Retry-After longer than Max Wait on Rate Limit names that option, keeping status and request id', async () => {
	sandbox.setFaults({ next: [{ kind: '429', retryAfter: 120 }] });
	const error = (await runNode({
		baseUrl: sandbox.url,
		apiKey: sandbox.apiKey,
		parameters: { ...create, options: { maxWaitSeconds: 60 } },
	}).catch((e: unknown) => e)) as NodeApiError;
	expect(error).toMatchObject({ name: 'NodeApiError' });
	expect(error.message).toBe(
		"Linkkit's rate limit for this API key was reached and it asked to wait 120 s, longer than this node waits in one go " +
			'(Max Wait on Rate Limit: 60 s). Try again later, or raise "Max Wait on Rate Limit (Seconds)" in the node\'s Options.',
	);
	expect(error.httpCode).toBe('429');
	expect(error.description).toMatch(/HTTP 429 · code rate_limited · request id req_/);
});

it('a used-up rate-limit window is told as such, with the same option to raise', async () => {
	sandbox.setRateLimit(0.02, 1); // one request, then the window needs 50 s to refill
	try {
		const result = await runNode({
			baseUrl: sandbox.url,
			apiKey: sandbox.apiKey,
			continueOnFail: true,
			parameters: { ...create, destination: '={{ $json.url }}', options: { maxWaitSeconds: 10 } },
			items: [{ url: 'https://example.com/first' }, { url: 'https://example.com/second' }],
			executionId: 'exec-window',
		});
		expect(result.items[0].json.destination).toBe('https://example.com/first');
		expect(String(result.items[1].json.error)).toMatch(
			/^Linkkit's rate limit for this API key is used up until its window resets in \d+ s, longer than this node waits in one go \(Max Wait on Rate Limit: 10 s\)\./,
		);
	} finally {
		sandbox.setRateLimit(1000, 1000);
	}
});
