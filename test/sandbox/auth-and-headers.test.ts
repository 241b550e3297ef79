/** Auth (401/403), the headers every response carries, unknown routes, and keys staying out of logs and bodies. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { call, get, post, type Link, type Page } from './http';

let sandbox: RunningSandbox;
const logLines: string[] = [];

beforeAll(async () => {
	sandbox = await startTestSandbox({ log: (line) => logLines.push(line) });
});
afterAll(() => sandbox.stop());

describe('auth', () => {
	it('answers 401 unauthorized without a key or with an unknown one', async () => {
		for (const key of [null, 'lk_test_wrong']) {
			const reply = await get(sandbox, '/v1/links', { key });
			expect(reply.status).toBe(401);
			expect(reply.body.error.code).toBe('unauthorized');
			expect(reply.body.error.message).toBe('API key missing or incorrect');
			expect(reply.body.error.requestId).toBe(reply.headers.get('x-request-id'));
		}
	});

	it('lets the read-only key read but answers 403 naming the missing scope on writes', async () => {
		expect((await get(sandbox, '/v1/links?limit=1', { key: sandbox.readOnlyKey })).status).toBe(200);
		const reply = await post(sandbox, '/v1/links', { destination: 'https://example.com' }, { key: sandbox.readOnlyKey });
		expect(reply.status).toBe(403);
		expect(reply.body.error).toMatchObject({ code: 'forbidden', message: 'This API key lacks the "links:write" scope.' });
		const campaign = await post(sandbox, '/v1/campaigns', { name: 'x' }, { key: sandbox.readOnlyKey });
		expect(campaign.body.error.message).toContain('"campaigns:write"');
	});

	it('tells any valid key its own scopes at /v1/api-key, and never the key', async () => {
		const full = await get<{ scopes: string[] }>(sandbox, '/v1/api-key');
		expect(full.status).toBe(200);
		expect(full.body.scopes).toEqual(['links:read', 'links:write', 'campaigns:read', 'campaigns:write', 'segments:read', 'segments:write', 'analytics:read']);
		expect(full.text).not.toContain(sandbox.apiKey);
		const readOnly = await get<{ scopes: string[] }>(sandbox, '/v1/api-key', { key: sandbox.readOnlyKey });
		expect(readOnly.body.scopes).toEqual(['links:read', 'campaigns:read', 'segments:read', 'analytics:read']);
		expect((await get(sandbox, '/v1/api-key', { key: 'lk_test_wrong' })).status).toBe(401);
	});

	it('checks auth before validation: a bad body with no key is a 401', async () => {
		const reply = await call(sandbox, 'POST', '/v1/links', { body: '{not json', key: null });
		expect(reply.status).toBe(401);
	});

	it('checks scope before validation: a bad body with the read-only key is a 403', async () => {
		const reply = await call(sandbox, 'POST', '/v1/links', { body: '{not json', key: sandbox.readOnlyKey });
		expect(reply.status).toBe(403);
	});
});

describe('headers', () => {
	it('sends X-Request-Id and X-RateLimit-* on success and on errors', async () => {
		for (const reply of [await get(sandbox, '/v1/links?limit=1'), await get(sandbox, '/v1/links', { key: null })]) {
			expect(reply.headers.get('x-request-id')).toMatch(/^req_[A-Za-z0-9]+$/);
			expect(Number(reply.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
			expect(reply.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
			expect(Number(reply.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
		}
	});

	it('gives every response a different request id, also off /v1', async () => {
		const a = await get(sandbox, '/v1/links?limit=1');
		const b = await get(sandbox, '/r/does-not-exist', { key: null });
		expect(b.headers.get('x-request-id')).toMatch(/^req_/);
		expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
	});

	it('sends a Date header from the sandbox clock (the server time clients may rely on)', async () => {
		const pinned = Date.UTC(2031, 4, 6, 7, 8, 9);
		const clocked = await startTestSandbox({ now: () => pinned });
		try {
			const reply = await get(clocked, '/v1/links?limit=1');
			expect(reply.headers.get('date')).toBe('Tue, 06 May 2031 07:08:09 GMT');
		} finally {
			await clocked.stop();
		}
	});

	it('answers an unknown /v1 route with a 404 not_found envelope', async () => {
		const reply = await get(sandbox, '/v1/nothing-here');
		expect(reply.status).toBe(404);
		expect(reply.body.error.code).toBe('not_found');
	});
});

describe('secrets', () => {
	it('never writes the API key into a log line or a response body', async () => {
		const list = await get<Page<Link>>(sandbox, '/v1/links?limit=5');
		const error = await post(sandbox, '/v1/links', { destination: 'nope' });
		expect(list.text).not.toContain(sandbox.apiKey);
		expect(error.text).not.toContain(sandbox.apiKey);
		expect(logLines.length).toBeGreaterThan(0);
		expect(logLines.join('\n')).not.toContain(sandbox.apiKey);
		expect(logLines.some((line) => /^GET \/v1\/links 200 \d+ms req_/.test(line))).toBe(true);
	});
});
