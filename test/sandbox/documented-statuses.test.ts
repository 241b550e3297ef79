/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test, never shipped in the n8n package */
/**
 * Every operation of docs/openapi.yaml answers every status it documents. The list of (operation, status) pairs is
 * read from the document, so a status added to it fails here until the sandbox (and this table) serve it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { call, get, post, put, type All, type CallOptions, type Page } from './http';

interface Case {
	method: string;
	/** `{code}`, `{tag}`, `{list}`, `{utm}`, `{qr}`, `{domain}`, `{hook}` name fixtures; `{missing}` an unknown UUID. */
	path: string;
	body?: unknown;
	key?: 'none' | 'wrong' | 'publishable';
	plan?: { plan?: string; planLinks?: number };
}

const NEW = { original_url: 'https://example.com/documented' };
const notFound = (method: string, path: string, body?: unknown): Case => ({ method, path, body });

const CASES: Record<string, Case> = {
	'healthCheck 200': { method: 'GET', path: '/health', key: 'none' },
	'listLinks 200': { method: 'GET', path: '/v1/links?page=2&limit=5' },
	'listLinks 401': { method: 'GET', path: '/v1/links', key: 'none' },
	'createLink 201': { method: 'POST', path: '/v1/links', body: NEW },
	'createLink 400': { method: 'POST', path: '/v1/links', body: { title: 'no url' } },
	'createLink 403': { method: 'POST', path: '/v1/links', body: NEW, plan: { planLinks: 0 } },
	'createLink 422': { method: 'POST', path: '/v1/links', body: { original_url: 'https://malware.test/' } },
	'upsertLink 200': { method: 'PUT', path: '/v1/links/{code}', body: NEW },
	'upsertLink 201': { method: 'PUT', path: '/v1/links/fresh-code', body: NEW },
	'upsertLink 400': { method: 'PUT', path: '/v1/links/x', body: NEW },
	'upsertLink 422': { method: 'PUT', path: '/v1/links/{code}', body: { original_url: 'https://a.evil.test/' } },
	'getLink 200': { method: 'GET', path: '/v1/links/{code}' },
	'getLink 404': notFound('GET', '/v1/links/nope00'),
	'updateLink 200': { method: 'PATCH', path: '/v1/links/{code}', body: { title: 'Patched' } },
	'updateLink 404': notFound('PATCH', '/v1/links/nope00', { title: 'x' }),
	'updateLink 409': { method: 'PATCH', path: '/v1/links/{code}', body: { short_code: '{foreign}' } },
	'updateLink 422': { method: 'PATCH', path: '/v1/links/{code}', body: { short_code: 'x' } },
	'deleteLink 200': { method: 'DELETE', path: '/v1/links/{code}' },
	'deleteLink 404': notFound('DELETE', '/v1/links/nope00'),
	'bulkCreateLinks 201': { method: 'POST', path: '/v1/links/bulk', body: { links: [NEW, { original_url: 'https://phishing.test/' }] } },
	'bulkCreateLinks 400': { method: 'POST', path: '/v1/links/bulk', body: { links: [] } },
	'bulkCreateLinks 403': { method: 'POST', path: '/v1/links/bulk', body: { links: [NEW] }, plan: { planLinks: 60 } },
	'listDomains 200': { method: 'GET', path: '/v1/domains' },
	'listDomains 401': { method: 'GET', path: '/v1/domains', key: 'wrong' },
	'getDomain 200': { method: 'GET', path: '/v1/domains/{domain}' },
	'getDomain 404': notFound('GET', '/v1/domains/{missing}'),
	'subscribeHook 201': { method: 'POST', path: '/v1/hooks', body: { event: 'link.updated', target_url: 'http://127.0.0.1:9/h' } },
	'subscribeHook 400': { method: 'POST', path: '/v1/hooks', body: { event: 'link.updated', target_url: 'https://hooks.zapier.com/x' } },
	'unsubscribeHook 200': { method: 'DELETE', path: '/v1/hooks/{hook}' },
	'unsubscribeHook 404': notFound('DELETE', '/v1/hooks/{missing}'),
	'listWorkspaces 200': { method: 'GET', path: '/v1/workspaces' },
	'listWorkspaces 401': { method: 'GET', path: '/v1/workspaces', key: 'wrong' },
	'testAuth 200': { method: 'GET', path: '/v1/auth/test' },
	'testAuth 401': { method: 'GET', path: '/v1/auth/test', key: 'wrong' },
	'exportLinksCsv 200': { method: 'GET', path: '/feeds/links.csv' },
	'exportLinksCsv 401': { method: 'GET', path: '/feeds/links.csv?api_key=lk_test_wrong', key: 'none' },
	'exportClicksCsv 200': { method: 'GET', path: '/feeds/clicks.csv?short_code={code}' },
	'exportClicksCsv 400': { method: 'GET', path: '/feeds/clicks.csv' },
	'exportClicksCsv 401': { method: 'GET', path: '/feeds/clicks.csv?short_code={code}', key: 'none' },
	'exportClicksCsv 404': notFound('GET', '/feeds/clicks.csv?short_code=nope00'),
	'getAnalyticsSummary 200': { method: 'GET', path: '/v1/analytics/summary?from=2026-01-01T00:00:00Z' },
	'getAnalyticsSummary 401': { method: 'GET', path: '/v1/analytics/summary', key: 'none' },
	'listLinkClicks 200': { method: 'GET', path: '/v1/analytics/links/{code}' },
	'listLinkClicks 404': notFound('GET', '/v1/analytics/links/nope00'),
	'listConversions 200': { method: 'GET', path: '/v1/conversions?type=sale' },
	'listConversions 401': { method: 'GET', path: '/v1/conversions', key: 'none' },
	'listConversions 403': { method: 'GET', path: '/v1/conversions', plan: { plan: 'free' } },
	'trackLead 201': { method: 'POST', path: '/track/lead', key: 'publishable', body: { customer_external_id: 'c' } },
	'trackLead 400': { method: 'POST', path: '/track/lead', key: 'publishable', body: {} },
	'trackLead 401': { method: 'POST', path: '/track/lead', key: 'none', body: { publishable_key: 'pk_live_nope', customer_external_id: 'c' } },
	'trackSale 201': { method: 'POST', path: '/track/sale', key: 'publishable', body: { customer_external_id: 'c', amount: 4999 } },
	'trackSale 400': { method: 'POST', path: '/track/sale', key: 'publishable', body: { customer_external_id: 'c' } },
	'trackSale 401': { method: 'POST', path: '/track/sale', key: 'none', body: { publishable_key: 'pk_live_nope', customer_external_id: 'c', amount: 1 } },
};

// Tags, lists, UTM templates and QR codes share one shape.
for (const [noun, plural, path, fixture, body] of [
	['Tag', 'Tags', '/v1/tags', '{tag}', { name: 'x' }],
	['List', 'Lists', '/v1/lists', '{list}', { name: 'x' }],
	['UtmTemplate', 'UtmTemplates', '/v1/utm-templates', '{utm}', { name: 'x' }],
	['QrCode', 'QrCodes', '/v1/qr-codes', '{qr}', { url: 'https://uselinkkit.com/abc123' }],
] as const) {
	Object.assign(CASES, {
		[`list${plural} 200`]: { method: 'GET', path },
		[`list${plural} 401`]: { method: 'GET', path, key: 'none' },
		[`create${noun} 201`]: { method: 'POST', path, body },
		[`create${noun} 400`]: { method: 'POST', path, body: {} },
		[`get${noun} 200`]: { method: 'GET', path: `${path}/${fixture}` },
		[`get${noun} 404`]: notFound('GET', `${path}/{missing}`),
		[`update${noun} 200`]: { method: 'PATCH', path: `${path}/${fixture}`, body: { name: 'renamed' } },
		[`update${noun} 404`]: notFound('PATCH', `${path}/{missing}`, { name: 'renamed' }),
		[`delete${noun} 200`]: { method: 'DELETE', path: `${path}/${fixture}` },
		[`delete${noun} 404`]: notFound('DELETE', `${path}/{missing}`),
	});
}

interface Operation {
	operationId: string;
	responses: Record<string, { content?: Record<string, unknown> }>;
}

const doc = parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.yaml'), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const documented = Object.values(doc.paths).flatMap((item) =>
	Object.values(item).flatMap((operation) =>
		Object.entries(operation.responses)
			.filter(([status]) => status !== 'default')
			.map(([status, response]) => ({ name: `${operation.operationId} ${status}`, status: Number(status), contentTypes: Object.keys(response.content ?? {}) })),
	),
);

let sandbox: RunningSandbox;
let fixtures: Record<string, string>;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(async () => {
	sandbox.reset();
	const id = <T extends { id: string }>(reply: { body: T }) => reply.body.id;
	await put(sandbox, '/v1/links/doc-link', NEW);
	await fetch(`${sandbox.url}/doc-link`, { redirect: 'manual' });
	fixtures = {
		'{code}': 'doc-link',
		'{foreign}': sandbox.foreignCodes[0],
		'{missing}': '00000000-0000-4000-8000-000000000000',
		'{tag}': id(await post<{ id: string }>(sandbox, '/v1/tags', { name: 't' })),
		'{list}': id(await post<{ id: string }>(sandbox, '/v1/lists', { name: 'l' })),
		'{utm}': id(await post<{ id: string }>(sandbox, '/v1/utm-templates', { name: 'u' })),
		'{qr}': id(await post<{ id: string }>(sandbox, '/v1/qr-codes', { url: 'https://uselinkkit.com/doc-link' })),
		'{hook}': id(await post<{ id: string }>(sandbox, '/v1/hooks', { event: 'link.created', target_url: 'http://127.0.0.1:9/h' })),
		'{domain}': (await get<All<{ id: string }>>(sandbox, '/v1/domains')).body.data[0].id,
	};
});

const fill = (text: string) => text.replace(/\{[a-z]+\}/g, (name) => fixtures[name] ?? name);

it('the table has a case for every documented status, and nothing else', () => {
	expect(Object.keys(CASES).sort()).toEqual(documented.map((entry) => entry.name).sort());
	expect(documented.length).toBeGreaterThan(90);
});

it.each(documented.map((entry) => [entry.name, entry] as const))('%s', async (_name, { name, status, contentTypes }) => {
	const testCase = CASES[name];
	if (testCase.plan) sandbox.setPlan(testCase.plan);
	const options: CallOptions = {};
	if (testCase.key === 'none' || testCase.key === 'publishable') options.key = null;
	if (testCase.key === 'wrong') options.key = 'lk_test_wrong';
	let body = testCase.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(testCase.body)));
	if (testCase.key === 'publishable') body = { publishable_key: sandbox.publishableKey, ...body };
	const reply = await call<Record<string, unknown>>(sandbox, testCase.method, fill(testCase.path), { ...options, body });
	expect([reply.status, reply.text.slice(0, 200)]).toEqual([status, expect.any(String)]);
	if (contentTypes.includes('text/csv')) expect(reply.headers.get('content-type')).toMatch(/^text\/csv/);
	else expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
	if (status >= 400) expect(Object.keys(reply.body)).toEqual(['error']);
	if (name === 'listLinks 200') expect((reply.body as unknown as Page<unknown>).meta).toEqual({ page: 2, limit: 5, total: 61 });
});
