/**
 * The credential: its connection test run as n8n's credential tester runs it (n8n-core's RoutingNode, the test's
 * rules) against the sandbox — a good key passes, a wrong key gets the credential's own message — and the test and
 * the node agreeing on the Base URL: the test request's `baseURL` expression, evaluated by n8n-workflow's own
 * expression engine with `$credentials`, must give exactly what core/base-url.ts `normaliseBaseUrl` gives, and a
 * refused address must never be contacted.
 */
import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { LinkkitApi, REFUSED_BASE_URL } from '../../credentials/LinkkitApi.credentials';
import { normaliseBaseUrl } from '../../core/base-url';
import { testCredential } from '../support/n8n-engine';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';

describe('credential test against Linkkit (the sandbox)', () => {
	let sandbox: RunningSandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => await sandbox.stop());

	it('a good key passes: the test lists one link, at the Base URL given with /v1', async () => {
		expect(await testCredential({ apiKey: sandbox.apiKey, baseUrl: `${sandbox.url}/v1/`, publishableKey: sandbox.publishableKey })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(sandbox.stats.list().map((r) => [r.method, r.url, r.status])).toEqual([['GET', '/v1/links?limit=1', 200]]);
	});

	it('a wrong key gets the credential’s message', async () => {
		expect(await testCredential({ apiKey: 'lk_test_wrong', baseUrl: sandbox.url })).toEqual({
			status: 'Error',
			message: 'API key missing or incorrect — generate one in Linkkit under Settings → API Keys.',
		});
	});

	it('a Base URL the node refuses is never contacted (n8n shows the lookup failure)', async () => {
		const before = sandbox.stats.current().requests;
		expect(await testCredential({ apiKey: sandbox.apiKey, baseUrl: sandbox.url.replace('127.0.0.1', 'lan-host.example') })).toMatchObject({ status: 'Error' });
		expect(sandbox.stats.current().requests).toBe(before);
	});
});

const node: INode = { id: 'temp', name: 'Temp-Node', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} };
const nodeTypes = { getByName: () => ({ description: { properties: [] } }), getByNameAndVersion: () => ({ description: { properties: [] } }), getKnownTypes: () => ({}) } as unknown as INodeTypes;
const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

function testBaseUrl(baseUrl: string | undefined): unknown {
	const expression = new LinkkitApi().test.request.baseURL as string;
	return workflow.expression.getParameterValue(expression, null, 0, 0, node.name, [], 'internal', {
		$credentials: { apiKey: 'lk_test_x', ...(baseUrl === undefined ? {} : { baseUrl }) },
	} as never);
}

describe('credential test Base URL', () => {
	it.each([
		'https://api.uselinkkit.com',
		'https://eu.api.uselinkkit.com/',
		'https://eu.api.uselinkkit.com/v1',
		'https://eu.api.uselinkkit.com/v1/',
		'https://proxy.example.com/linkkit',
		'  https://api.uselinkkit.com  ',
		'http://127.0.0.1:4010',
		'http://localhost:4010/v1',
		'',
		'   ',
	])('%j: tests the address the node uses', (typed) => {
		expect(testBaseUrl(typed)).toBe(normaliseBaseUrl(typed));
	});

	it('a credential saved without a Base URL tests the default address', () => {
		expect(testBaseUrl(undefined)).toBe('https://api.uselinkkit.com');
	});

	it.each([
		'http://api.example.com',
		'http://127.0.0.1.example.com',
		'ftp://api.uselinkkit.com',
		'api.uselinkkit.com',
		'https://user:secret@api.uselinkkit.com',
		'https://api.uselinkkit.com/?x=1',
		'https://api.uselinkkit.com/#top',
	])('%j: the node refuses it, so the test fails without contacting it', (typed) => {
		expect(() => normaliseBaseUrl(typed)).toThrow();
		expect(testBaseUrl(typed)).toBe(REFUSED_BASE_URL);
	});
});

describe('credential fields', () => {
	const [apiKey, publishableKey, baseUrl] = new LinkkitApi().properties;
	it('API Key (hidden, required), Publishable Key (hidden, optional, for tracking), Base URL', () => {
		expect([apiKey.name, apiKey.typeOptions?.password, apiKey.required]).toEqual(['apiKey', true, true]);
		expect([publishableKey.name, publishableKey.typeOptions?.password, publishableKey.required]).toEqual(['publishableKey', true, undefined]);
		expect(publishableKey.description).toMatch(/Track Lead \/ Track Sale/);
		expect([baseUrl.name, baseUrl.default]).toEqual(['baseUrl', 'https://api.uselinkkit.com']);
	});

	it('links to where API keys are made, and says the Base URL may carry /v1', () => {
		expect(apiKey.description).toMatch(/<a href="https:\/\/app\.uselinkkit\.com\/settings\/api-keys" target="_blank">Settings → API Keys<\/a>/);
		expect(baseUrl.description).toMatch(/with or without \/v1 is fine/);
	});

	it('authenticates with Authorization: Bearer <API key>; the test reads GET /v1/links', () => {
		const credential = new LinkkitApi();
		expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } });
		expect(credential.test.request).toMatchObject({ url: '/v1/links', qs: { limit: 1 } });
	});
});
