/**
 * 1 000 items through Link → Create while the sandbox allows 20 requests a second (burst 20): the node must
 * sit out the limit (pacing and Retry-After, through n8n's sleep) and create every item exactly once.
 * About 50 s by construction (1 000 requests at 20/s).
 */

import { collect } from '../../core';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { runNode, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.stop());

it('creates 1 000 links exactly once under a 20/s rate limit', async () => {
	const items = Array.from({ length: 1000 }, (_, i) => ({ url: `https://paced.example.org/item/${i}` }));
	sandbox.setRateLimit(20, 20);
	const sent: SentRequest[] = [];
	const started = Date.now();
	const result = await runNode({
		baseUrl: sandbox.url,
		apiKey: sandbox.apiKey,
		parameters: { resource: 'link', operation: 'create', destination: '={{ $json.url }}' },
		items,
		sent,
		executionId: 'exec-paced',
	});
	const seconds = (Date.now() - started) / 1000;
	sandbox.setRateLimit(1000, 1000);

	expect(result.items).toHaveLength(1000);
	expect(result.items.every((item, i) => item.json.destination === items[i].url && !('error' in item.json))).toBe(true);
	// Faster than the limit allows would mean the limit was not in force; a few retried requests are fine.
	expect(seconds).toBeGreaterThan((1000 - 20) / 20 - 2);
	expect(sent.length).toBeLessThan(1100);

	const { client } = realClient(sandbox.url, sandbox.apiKey);
	const stored = await collect(client.links.iterate({ search: 'paced.example.org/item/' }, { returnAll: true }));
	expect(stored).toHaveLength(1000);
	expect(new Set(stored.map((l) => l.destination)).size).toBe(1000);
}, 180_000);
