/** The connection: API key and publishable key, the test call, the label, and what a refused key does. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { accountName } from '../../zapier/src/authentication';
import { app, appRunner, failureOf, type Item } from './support/app';
import { renderConnectionLabel } from './support/definition-rules';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = appRunner(sandbox);
});
afterAll(() => sandbox.stop());

describe('connection form', () => {
	test('an API key (password) and an optional publishable key (password); no Base URL or any other address field', () => {
		expect(app.authentication.type).toBe('custom');
		expect(app.authentication.fields.map((f) => [f.key, f.label, f.type, f.required])).toEqual([
			['apiKey', 'API Key', 'password', true],
			['publishableKey', 'Publishable Key', 'password', false],
		]);
		for (const field of app.authentication.fields) expect(`${field.key} ${field.label} ${field.helpText}`).not.toMatch(/base ?url|host|endpoint|sandbox/i);
	});
});

describe('connection test and label', () => {
	test('the test lists links and asks Linkkit whose key it is; the label is the account, never part of a key', async () => {
		const result = await run<Item>('authentication.test');
		expect(result).toMatchObject({ name: 'Alex Demo', email: 'alex@acme.test', workspace_id: sandbox.workspaceId });
		// The label is a template Zapier renders from the test's output: every name in it is a key the test returned.
		expect(app.authentication.connectionLabel).toBe('{{account}}');
		const label = renderConnectionLabel(String(app.authentication.connectionLabel), result);
		expect(label).toBe('Alex Demo (alex@acme.test)');
		// Not even four characters in a row of either key's secret part.
		for (const key of [sandbox.apiKey, sandbox.publishableKey]) {
			const secret = key.replace(/^(lk|pk)_(test|live)_/, '');
			for (let i = 0; i + 4 <= secret.length; i++) expect(label).not.toContain(secret.slice(i, i + 4));
		}
	});

	test('the test calls GET /v1/links first, then GET /v1/auth/test', async () => {
		sandbox.stats.clear();
		await run('authentication.test');
		expect(sandbox.stats.list().map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(['GET /v1/links', 'GET /v1/auth/test']);
	});

	test('a label without a name falls back to the email, and is empty without either (Zapier then shows its default, never a hard-coded word)', () => {
		expect(accountName({ email: 'ops@acme.test', name: null })).toBe('ops@acme.test');
		expect(accountName({ name: 'Alex Demo', email: null })).toBe('Alex Demo');
		expect(accountName({})).toBe('');
	});
});

describe('refused keys', () => {
	test('a wrong key fails the connection test with a message that says the key was refused and where keys come from', async () => {
		const error = await failureOf(run('authentication.test', { authData: { apiKey: `${sandbox.apiKey}-revoked` } }));
		expect(error.status).toBe(401);
		expect(error.message).toBe('Linkkit did not accept this API key: it is missing or incorrect — generate one in Linkkit under Settings → API Keys, then connect with it.');
	});

	test('a key refused in a running step is an ExpiredAuthError, so Zapier marks the connection broken and emails the user', async () => {
		const error = await failureOf(run('triggers.new_link.operation.perform', { authData: { apiKey: `${sandbox.apiKey}-revoked` } }));
		expect(error.name).toBe('ExpiredAuthError');
		expect(error.message).toBe(
			'Reconnect your Linkkit account in Zapier: the API key is missing or incorrect — generate one in Linkkit under Settings → API Keys, then reconnect with it.',
		);
	});

	test('tracking without a publishable key is refused before anything is sent, naming the connection field', async () => {
		const before = sandbox.counts().conversions;
		const error = await failureOf(run('creates.track_lead.operation.perform', { authData: { apiKey: sandbox.apiKey }, inputData: { customer_external_id: 'cus_1' } }));
		expect(error.code).toBe('invalid_input');
		expect(error.message).toMatch(/^Publishable Key: is needed to record leads and sales/);
		expect(error.message).toMatch(/Nothing was sent to Linkkit\.$/);
		expect(sandbox.counts().conversions).toBe(before);
	});

	test('a wrong publishable key: Linkkit\'s 401 on tracking keeps its status and message', async () => {
		const error = await failureOf(
			run('creates.track_lead.operation.perform', { authData: { apiKey: sandbox.apiKey, publishableKey: 'pk_test_wrong' }, inputData: { customer_external_id: 'cus_1' } }),
		);
		expect(error.name).toBe('ExpiredAuthError');
		expect(error.message).toMatch(/^Reconnect your Linkkit account in Zapier: Linkkit did not accept the Publishable Key \(Linkkit said: [^)]+\)\./);
	});
});
