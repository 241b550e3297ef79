import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { app, appRunner, failureOf } from './support/app';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = appRunner(sandbox);
});
afterAll(() => sandbox.stop());

describe('authentication', () => {
	test('the test call succeeds with a valid key and the label shows the host, a key suffix and its access, never the key', async () => {
		const result = await run<{ ok: boolean; access: string; scopes: string[] }>('authentication.test');
		expect(result).toMatchObject({ ok: true, access: 'full access' });
		expect(result.scopes).toContain('links:write');
		// Zapier hands the test's result to the label as inputData.
		const label = await run<string>('authentication.connectionLabel', { inputData: result });
		expect(label).toBe(`127.0.0.1:${sandbox.port} · key ending ${sandbox.apiKey.slice(-4)} · full access`);
		expect(label).not.toContain(sandbox.apiKey);
	});

	test('a read-only key connects, and its test result and label say read-only', async () => {
		const authData = { apiKey: sandbox.readOnlyKey, baseUrl: sandbox.url };
		const result = await run<{ ok: boolean; access: string; scopes: string[] }>('authentication.test', { authData });
		expect(result).toMatchObject({ ok: true, access: 'read-only', scopes: ['links:read', 'campaigns:read', 'segments:read', 'analytics:read'] });
		expect(await run<string>('authentication.connectionLabel', { authData, inputData: result })).toMatch(/ · read-only$/);
	});

	test('a wrong key fails the connection test with a message that says the key was refused and where keys come from', async () => {
		const error = await failureOf(run('authentication.test', { authData: { apiKey: `${sandbox.readOnlyKey}-revoked`, baseUrl: sandbox.url } }));
		expect(error.status).toBe(401);
		expect(error.message).toBe('Linkkit did not accept this API key: it is missing or incorrect — generate one in Linkkit under Settings → API Keys, then connect with it.');
	});

	test('a key refused in a running step is an ExpiredAuthError, so Zapier marks the connection broken and emails the user', async () => {
		const revoked = { apiKey: `${sandbox.readOnlyKey}-revoked`, baseUrl: sandbox.url };
		const error = await failureOf(run('triggers.new_link.operation.perform', { authData: revoked }));
		expect(error.name).toBe('ExpiredAuthError');
		expect(error.message).toBe(
			'Reconnect your Linkkit account in Zapier: the API key is missing or incorrect — generate one in Linkkit under Settings → API Keys, then reconnect with it.',
		);
	});

	test('a key without a scope gets a 403 that names the missing permission', async () => {
		// The sandbox's read-only key passes the auth test (it may list links) but may not create them.
		const readOnly = { apiKey: sandbox.readOnlyKey, baseUrl: sandbox.url };
		await expect(run('authentication.test', { authData: readOnly })).resolves.toMatchObject({ ok: true });
		const error = await failureOf(run('creates.create_link.operation.perform', { authData: readOnly, inputData: { destination: 'https://example.com/x' } }));
		expect(error.status).toBe(403);
		expect(error.message).toContain('"links:write"');
	});

	test('a plain-http base URL that is not local is refused before anything is sent', async () => {
		const error = await failureOf(run('authentication.test', { authData: { apiKey: sandbox.apiKey, baseUrl: 'http://api.example.com' } }));
		expect(error.code).toBe('invalid_input');
		expect(error.message).toMatch(/^Base URL: must start with https:\/\//);
	});

	test('the Base URL field is labelled as in n8n, keeps its stored key, and a URL ending in /v1 works', async () => {
		const baseUrl = app.authentication.fields.find((f) => f.key === 'baseUrl');
		expect(baseUrl?.label).toBe('Base URL');
		expect(baseUrl?.helpText).toContain('with or without /v1 at the end is fine');
		await expect(run('authentication.test', { authData: { apiKey: sandbox.apiKey, baseUrl: `${sandbox.url}/v1/` } })).resolves.toMatchObject({ ok: true });
	});

	test('the API key field is a password field with help that says where to generate a key', () => {
		const apiKey = app.authentication.fields.find((f) => f.key === 'apiKey');
		expect(apiKey?.type).toBe('password');
		expect(apiKey?.helpText).toContain('Settings → API Keys');
	});
});
