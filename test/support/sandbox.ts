/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only tool, never shipped in the n8n package */
/**
 * Starts an in-process Linkkit sandbox for a test suite: a free port on 127.0.0.1, a small seed (60 links), webhook
 * retries 100 times faster than Linkkit's schedule (A21), and the API key from LINKKIT_TEST_API_KEY when set (else a
 * random `lk_test_…` key). Every JSON answer is validated against docs/openapi.yaml, so one that breaks the contract
 * comes back as a 500. Stop it in `afterAll`.
 */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox';

export type { RunningSandbox, SandboxOptions };

export const TEST_SEED_LINKS = 60;

export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	return startSandbox({
		port: 0,
		links: TEST_SEED_LINKS,
		hookRetryScale: 0.01,
		...(process.env.LINKKIT_TEST_API_KEY ? { apiKey: process.env.LINKKIT_TEST_API_KEY } : {}),
		...options,
	});
}
