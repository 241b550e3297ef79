/**
 * Writes whose answer Linkkit never delivered: the sandbox carries the write out and then drops the connection
 * (`commit-drop`) or answers 500 instead (`commit-500`), or holds the request without doing anything until the node's
 * Timeout gives up (`stall`). Each item must still end as one success with the right output, and the sandbox's own
 * records must show every object exactly once (a deleted one gone, a renamed one under its new code only).
 */

import { collect } from '../../core';
import type { FaultKind, FaultStep } from '../../sandbox';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { byCode, nodeRunner, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox({ rateLimitHeaders: 'full' });
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
const api = () => realClient(sandbox.url, sandbox.apiKey).client;
/** Short waits keep the suite quick; the Timeout option is what a stalled request is abandoned at. */
const options = { timeoutSeconds: 1, maxRetries: 3 };

function faults(...steps: Array<[FaultKind, string?]>) {
	sandbox.setFaults({ stallMs: 5_000, next: steps.map(([kind, match]): FaultStep => (match ? { kind, match } : { kind })) });
}

/** Every scripted fault was met: the test exercised what it says. */
const expectFaultsUsed = () => expect(sandbox.setFaults({}).next).toEqual([]);

const linksTo = async (search: string) => await collect(api().links.iterate({ search }, { returnAll: true }));

describe.each<FaultKind>(['commit-drop', 'commit-500', 'stall'])('%s', (kind) => {
	test('Link → Create (derived code): every item once, each output its own link', async () => {
		faults([kind]);
		const items = [0, 1, 2].map((i) => ({ url: `https://lost.example.org/${kind}/create/${i}` }));
		const result = await run({ resource: 'link', operation: 'create', destination: '={{ $json.url }}', options }, { items });
		expect(result.items.map((item) => item.json.original_url)).toEqual(items.map((item) => item.url));
		expect(await linksTo(`lost.example.org/${kind}/create`)).toHaveLength(3);
		expectFaultsUsed();
	});

	test('Link → Create with a Short Code, and Create or Update: the link once under its code', async () => {
		faults([kind, 'PUT /v1/links/own-code']);
		const own = await run({ resource: 'link', operation: 'create', shortCode: 'own-code', destination: `https://lost.example.org/${kind}/own`, options });
		expect(own.items[0].json).toMatchObject({ short_code: 'own-code', original_url: `https://lost.example.org/${kind}/own` });

		faults([kind, 'PUT /v1/links/upsert-code']);
		const upsert = await run({ resource: 'link', operation: 'createOrUpdate', shortCode: 'upsert-code', destination: `https://lost.example.org/${kind}/upsert`, options });
		expect(upsert.items[0].json).toMatchObject({ short_code: 'upsert-code' });
		// A lost create is found on the retry as an existing link: only a stall (nothing done the first time) creates.
		expect(upsert.items[0].json.created).toBe(kind === 'stall');
		expectFaultsUsed();
		expect(await linksTo(`lost.example.org/${kind}/`)).toHaveLength(2);
	});

	test('Link → Update with a New Short Code (a rename retried after its answer was lost), and Delete', async () => {
		await api().links.upsert('before-rename', { original_url: `https://lost.example.org/${kind}/rename` });
		faults([kind, 'PATCH /v1/links/before-rename']);
		const renamed = await run({ resource: 'link', operation: 'update', link: byCode('before-rename'), updateFields: { shortCode: 'after-rename' }, options });
		expect(renamed.items[0].json).toMatchObject({ short_code: 'after-rename', original_url: `https://lost.example.org/${kind}/rename` });
		expect(await api().links.getOrNothing('before-rename')).toBeUndefined();

		const links = sandbox.counts().links;
		faults([kind, 'DELETE /v1/links/after-rename']);
		const deleted = await run({ resource: 'link', operation: 'delete', link: byCode('after-rename'), options });
		expect(deleted.items[0].json).toEqual({ short_code: 'after-rename', deleted: true });
		expect(sandbox.counts().links).toBe(links - 1);
		expectFaultsUsed();
	});
});

/**
 * Creates that go through Linkkit's POST have nothing to repeat under: the core looks for what the lost attempt made
 * once Linkkit's lists have settled (12 s), and sends again only when it found nothing. All of them at once, so the
 * suite waits for that once per fault kind.
 */
describe.each<FaultKind>(['commit-drop', 'commit-500', 'stall'])('%s on a POST create', (kind) => {
	test('Linkkit-picked link, segment, tag, campaign setting, QR code, lead, sale and a bulk import: each exactly once', async () => {
		const before = sandbox.counts();
		faults(
			[kind, 'POST /v1/links'],
			[kind, 'POST /v1/lists'],
			[kind, 'POST /v1/tags'],
			[kind, 'POST /v1/utm-templates'],
			[kind, 'POST /v1/qr-codes'],
			[kind, 'POST /track/lead'],
			[kind, 'POST /track/sale'],
			[kind, 'POST /v1/links/bulk'],
		);
		const customer = `cus-${kind}`;
		const [picked, segment, tag, setting, qr, lead, sale, bulk] = await Promise.all([
			run({ resource: 'link', operation: 'create', destination: `https://picked.example.org/${kind}`, options: { ...options, linkkitPicksCode: true } }),
			run({ resource: 'segment', operation: 'create', name: `Segment ${kind}`, options }),
			run({ resource: 'tag', operation: 'create', name: `tag-${kind}`, options }),
			run({ resource: 'campaignSetting', operation: 'create', name: `Setting ${kind}`, additionalFields: { utm_source: 'x' }, options }),
			run({ resource: 'qrCode', operation: 'create', target: 'url', url: `https://qr.example.org/${kind}`, options }),
			run({ resource: 'conversion', operation: 'trackLead', customerExternalId: customer, options }),
			run({ resource: 'conversion', operation: 'trackSale', customerExternalId: customer, amount: 4999, additionalFields: { invoiceId: `inv-${kind}` }, options }),
			run(
				{ resource: 'link', operation: 'createMany', destination: '={{ $json.url }}', options },
				{ items: [0, 1, 2].map((i) => ({ url: `https://bulk.example.org/${kind}/${i}` })) },
			),
		]);
		expect(picked.items[0].json.short_code).toMatch(/^[A-Za-z0-9]{6}$/);
		expect(segment.items[0].json).toMatchObject({ name: `Segment ${kind}` });
		expect(tag.items[0].json).toMatchObject({ name: `tag-${kind}` });
		expect(setting.items[0].json).toMatchObject({ name: `Setting ${kind}`, utm_source: 'x' });
		expect(qr.items[0].json).toMatchObject({ url: `https://qr.example.org/${kind}` });
		expect(lead.items[0].json).toMatchObject({ type: 'lead', customer_external_id: customer });
		expect(sale.items[0].json).toMatchObject({ type: 'sale', amount: 4999, invoice_id: `inv-${kind}` });
		expect(bulk.items.map((item) => item.json.status)).toEqual(['created', 'created', 'created']);

		const after = sandbox.counts();
		expect(after.links - before.links).toBe(1 + 3);
		expect(after.lists - before.lists).toBe(1);
		expect(after.tags - before.tags).toBe(1);
		expect(after.utmTemplates - before.utmTemplates).toBe(1);
		expect(after.qrCodes - before.qrCodes).toBe(1);
		expect(after.conversions - before.conversions).toBe(2);
		expect(await linksTo(`bulk.example.org/${kind}/`)).toHaveLength(3);
		expectFaultsUsed();
	}, 60_000);
});

test('the Timeout option reaches n8n as the request timeout; reads use 30 s', async () => {
	const sent: SentRequest[] = [];
	await run({ resource: 'link', operation: 'create', destination: 'https://example.com/timeout', options: { timeoutSeconds: 7 } }, { sent });
	await run({ resource: 'link', operation: 'getMany', limit: 1 }, { sent });
	expect(sent.map((request) => [request.method, request.timeout])).toEqual([
		['PUT', 7_000],
		['GET', 30_000],
	]);
});

test('a create that never gets an answer fails on its own item, saying its outcome is unknown', async () => {
	sandbox.setFaults({ stallMs: 5_000, next: [{ kind: 'stall', match: 'PUT /v1/links/never-answered' }, { kind: 'stall', match: 'PUT /v1/links/never-answered' }] });
	const items = [{ code: 'never-answered' }, { code: 'answered' }];
	const result = await run(
		{ resource: 'link', operation: 'create', destination: 'https://example.com/unanswered', shortCode: '={{ $json.code }}', options: { timeoutSeconds: 1, maxRetries: 1 } },
		{ items, continueOnFail: true },
	);
	expect(result.items[0].json).toMatchObject({
		code: 'timeout',
		outcomeUnknown: true,
		error: expect.stringMatching(/did not answer within 1 s, so the request was abandoned\. It is not known whether Linkkit carried out the request/),
	});
	expect(result.items[1].json).toMatchObject({ short_code: 'answered' });
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expectFaultsUsed();
});
