/**
 * What a person sees when something is wrong, through n8n's engine against the sandbox: bad input refused before any
 * request and named by its label; Linkkit's refusals keeping its HTTP status and its own message; Continue On Fail
 * giving an error item paired with its input; rate-limit waits worded with the node's options; and the API key and
 * publishable key never in any output, error or saved execution.
 */

import type { IDataObject } from 'n8n-workflow';

import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { byCode, failureOf, nodeRunner, type RecordedNodeError, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox({ rateLimitHeaders: 'full' });
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);

describe('input refused before any request', () => {
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
	it.each<[string, Record<string, unknown>, IDataObject, IDataObject, RegExp, string]>([
		['Link → Create, a destination that is not a URL', { resource: 'link', operation: 'create', destination: '={{ $json.v }}' }, { v: 'https://example.com/good' }, { v: 'example.com/no-scheme' }, /^Destination URL: "example\.com\/no-scheme" is not a full web address/, 'Destination URL'],
		['Link → Create, a short code with spaces', { resource: 'link', operation: 'create', destination: 'https://example.com', shortCode: '={{ $json.v }}' }, { v: 'good-code' }, { v: 'my code' }, /^Short Code: "my code" is not a short code/, 'Short Code'],
		['Link → Create, an expiry in the past', { resource: 'link', operation: 'create', destination: 'https://example.com', additionalFields: { expireAt: '={{ $json.v }}' } }, { v: tomorrow }, { v: '2020-01-01' }, /^Expires At: 2020-01-01T00:00:00Z is in the past/, 'Expires At'],
		['Link → Get, a link that is neither code nor URL', { resource: 'link', operation: 'get', link: byCode('={{ $json.v }}') }, { v: 'abc123' }, { v: 'a b' }, /^Link: "a b" is not a short code/, 'Link'],
		['Link → Update, nothing to change', { resource: 'link', operation: 'update', link: byCode('abc123'), updateFields: { title: '={{ $json.v }}' } }, { v: 'New title' }, { v: '' }, /^Update Fields: give at least one field to change/, 'Update Fields'],
		['Tag → Create, a colour that is not one', { resource: 'tag', operation: 'create', name: 'x', additionalFields: { color: '={{ $json.v }}' } }, { v: '#FF0000' }, { v: 'blue' }, /^Color: "blue" is not a colour/, 'Color'],
		['Conversion → Track Sale, an amount that is not cents', { resource: 'conversion', operation: 'trackSale', customerExternalId: 'c', amount: '={{ $json.v }}' }, { v: 100 }, { v: 49.99 }, /^Amount \(Cents\): "49\.99" is not a whole number of cents/, 'Amount (Cents)'],
		['Conversion → Track Lead, an email that is not one', { resource: 'conversion', operation: 'trackLead', customerExternalId: 'c', additionalFields: { customerEmail: '={{ $json.v }}' } }, { v: 'a@example.com' }, { v: 'nobody' }, /^Customer Email: "nobody" is not an email address/, 'Customer Email'],
		['Analytics → Get Summary, a custom range ending before it starts', { resource: 'analytics', operation: 'getSummary', dateRange: 'custom', from: '2026-05-02', to: '={{ $json.v }}' }, { v: '2026-05-03' }, { v: '2026-05-01' }, /^To: must not be before From/, 'To'],
	])('%s', async (_, parameters, good, bad, message, label) => {
		const sent: SentRequest[] = [];
		// The bad item comes second: with Continue On Fail off, nothing is sent for the good one either.
		const failure = await failureOf(run(parameters, { items: [good, bad], sent }));
		expect(failure.name).toBe('NodeOperationError');
		expect(failure.message).toMatch(message);
		expect(failure.description).toBe(`Check the "${label}" field.`);
		expect(sent).toEqual([]);
		expect(sandbox.stats.current().requests).toBe(0);
	});

	it('with Continue On Fail: the bad item becomes an error item paired with it; the others go through', async () => {
		const items = [{ url: 'https://ok.example.org/1' }, { url: 'nope' }, { url: 'https://ok.example.org/2' }];
		const result = await run({ resource: 'link', operation: 'create', destination: '={{ $json.url }}' }, { items, continueOnFail: true });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[1].json).toEqual({ error: expect.stringMatching(/^Destination URL: "nope" is not a full web address/), description: 'Check the "Destination URL" field.' });
		expect(result.items[0].json.original_url).toBe('https://ok.example.org/1');
		expect(result.items[2].json.original_url).toBe('https://ok.example.org/2');
	});
});

describe("Linkkit's refusals", () => {
	it('keep the HTTP status and Linkkit’s own message (NodeApiError); with Continue On Fail, an error item with both', async () => {
		const failure = await failureOf(run({ resource: 'link', operation: 'get', link: byCode('no-such-link') }));
		expect(failure).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: expect.stringMatching(/^Link not found — check the short code or ID you gave/) });
		expect(failure.description).toBe('HTTP 404 · Linkkit said: Link not found · GET /v1/links/{shortCode}');

		const items = [{ code: 'no-such-link' }, { code: 'also-missing' }];
		const result = await run({ resource: 'link', operation: 'get', link: byCode('={{ $json.code }}') }, { items, continueOnFail: true });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json).toMatchObject({ httpCode: '404', code: 'not_found', apiMessage: 'Link not found', outcomeUnknown: false, error: expect.stringMatching(/^Link not found/) });
	});

	it('a URL Linkkit’s safety checks refuse: 422 with its message', async () => {
		const failure = await failureOf(run({ resource: 'link', operation: 'create', destination: 'https://login.evil.test/x' }));
		expect(failure).toMatchObject({ httpCode: '422', message: "Linkkit refused this URL: it failed Linkkit's safety checks (URL failed safety checks)." });
	});

	it('a wait the rate limit asks for that is longer than Max Wait on Rate Limit names the option', async () => {
		sandbox.setRateLimitHeaders('retry-after');
		sandbox.setFaults({ next: [{ kind: '429', retryAfter: 120 }] });
		const failure = await failureOf(run({ resource: 'link', operation: 'create', destination: 'https://example.com/slow', options: { maxWaitSeconds: 1 } }));
		expect(failure).toMatchObject({ httpCode: '429' });
		expect(failure.message).toMatch(/asked to wait 120 s, longer than this node waits in one go \(Max Wait on Rate Limit: 1 s\)/);
	});
});

describe('keys stay secret', () => {
	it('neither key appears in any output, error item, thrown error, or the execution n8n saves', async () => {
		const saved: string[] = [];
		const keep = (value: unknown) => saved.push(JSON.stringify(value));
		const runs = [
			run({ resource: 'link', operation: 'create', destination: 'https://keys.example.org/1' }),
			run({ resource: 'conversion', operation: 'trackLead', customerExternalId: 'cus_secret' }),
			run({ resource: 'conversion', operation: 'trackSale', customerExternalId: 'cus_secret', amount: 1 }),
			run({ resource: 'link', operation: 'get', link: byCode('missing-one') }, { continueOnFail: true }),
			nodeRunner({ url: sandbox.url, apiKey: sandbox.apiKey, publishableKey: 'pk_test_wrong_but_secret' })({ resource: 'conversion', operation: 'trackLead', customerExternalId: 'c' }),
			nodeRunner({ url: sandbox.url, apiKey: 'lk_test_wrong_but_secret' })({ resource: 'link', operation: 'getMany', limit: 1 }),
		];
		for (const outcome of await Promise.allSettled(runs)) {
			if (outcome.status === 'fulfilled') {
				keep(outcome.value.items);
				keep(outcome.value.run);
			} else {
				const error = outcome.reason as RecordedNodeError;
				keep({ ...error, message: error.message, description: error.description, stack: error.stack });
				keep(error.run);
			}
		}
		const everything = saved.join('\n');
		expect(everything).toContain('cus_secret');
		for (const secret of [sandbox.apiKey, sandbox.publishableKey, 'pk_test_wrong_but_secret', 'lk_test_wrong_but_secret']) expect(everything).not.toContain(secret);
	});
});
