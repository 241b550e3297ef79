/**
 * The credential's connection test and the node must agree on the Base URL: the test request's `baseURL`
 * expression, evaluated by n8n-workflow's own expression engine with `$credentials` (as n8n's credential
 * tester does), must give exactly what core/base-url.ts `normaliseBaseUrl` gives, and a refused address
 * must never be contacted.
 */
import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { LinkkitApi, REFUSED_BASE_URL } from '../../credentials/LinkkitApi.credentials';
import { normaliseBaseUrl } from '../../core/base-url';

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

describe('credential help', () => {
	const [apiKey, baseUrl] = new LinkkitApi().properties;
	it('links to where API keys are made, and says the Base URL may carry /v1', () => {
		expect(apiKey.description).toMatch(/<a href="https:\/\/app\.uselinkkit\.com\/settings\/api-keys" target="_blank">Settings → API Keys<\/a>/);
		expect(baseUrl.description).toMatch(/with or without \/v1 is fine/);
	});
});
