/** Injected faults: each kind per request and scripted, run-level rates, ordering after auth, and nothing created. */
import { PROXY_502_PAGE } from '../../sandbox';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { get, post, type Link, type Page } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const fault = (kind: string) => ({ headers: { 'X-Sandbox-Fault': kind } });

async function adminFaults(body: unknown): Promise<Response> {
	return fetch(`${sandbox.url}/__sandbox/faults`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
}

describe('per request (X-Sandbox-Fault)', () => {
	it('answers 500 and 503 in the JSON error envelope', async () => {
		const e500 = await get(sandbox, '/v1/links', fault('500'));
		expect(e500.status).toBe(500);
		expect(e500.body.error.code).toBe('server_error');
		const e503 = await get(sandbox, '/v1/links', fault('503'));
		expect(e503.status).toBe(503);
		expect(e503.body.error.code).toBe('service_unavailable');
		expect(e503.headers.get('x-request-id')).toMatch(/^req_/);
	});

	it('answers a proxy-style HTML 502 page', async () => {
		const reply = await get(sandbox, '/v1/links', fault('html'));
		expect(reply.status).toBe(502);
		expect(reply.headers.get('content-type')).toContain('text/html');
		expect(reply.text).toBe(PROXY_502_PAGE);
		expect(reply.text).toContain('502 Bad Gateway');
	});

	it('drops the connection without an answer', async () => {
		await expect(get(sandbox, '/v1/links', fault('drop'))).rejects.toThrow(/fetch failed/);
		// The server is still fine afterwards.
		expect((await get(sandbox, '/v1/links?limit=1')).status).toBe(200);
	});

	it('answers 429 with Retry-After', async () => {
		const reply = await get(sandbox, '/v1/links', fault('429'));
		expect(reply.status).toBe(429);
		expect(reply.body.error.code).toBe('rate_limited');
		expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
	});

	it('adds latency and then answers normally', async () => {
		const started = Date.now();
		const reply = await get(sandbox, '/v1/links?limit=1', fault('latency=300'));
		expect(reply.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('rejects an unknown fault name with a 400', async () => {
		expect((await get(sandbox, '/v1/links', fault('explode'))).status).toBe(400);
	});

	it('applies after auth: an unauthenticated request gets its 401, not the fault', async () => {
		expect((await get(sandbox, '/v1/links', { key: null, ...fault('500') })).status).toBe(401);
	});

	it('never lets a faulted create through', async () => {
		const before = sandbox.counts().links;
		const reply = await post(sandbox, '/v1/links', { destination: 'https://example.com/faulted' }, fault('500'));
		expect(reply.status).toBe(500);
		expect(sandbox.counts().links).toBe(before);
	});
});

describe('scripted (POST /__sandbox/faults)', () => {
	it('consumes the next queue one step per /v1 request, in order', async () => {
		const set = await adminFaults({ next: [{ kind: '503', retryAfter: 2 }, { kind: 'html' }, { kind: 'drop' }, { kind: '429', retryAfter: 3 }, { kind: '500' }] });
		expect(set.status).toBe(200);
		const first = await get(sandbox, '/v1/links');
		expect(first.status).toBe(503);
		expect(first.headers.get('retry-after')).toBe('2');
		expect((await get(sandbox, '/v1/links')).status).toBe(502);
		await expect(get(sandbox, '/v1/links')).rejects.toThrow();
		const limited = await get(sandbox, '/v1/links');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('3');
		expect((await get(sandbox, '/v1/links')).status).toBe(500);
		expect((await get<Page<Link>>(sandbox, '/v1/links')).status).toBe(200);
	});

	it('applies a run-level fault rate and clears it on reset', async () => {
		await adminFaults({ rate: 1 });
		const statuses = new Set<number>();
		for (let i = 0; i < 12; i++) statuses.add((await get(sandbox, '/v1/segments?limit=1')).status);
		expect([...statuses].sort()).toEqual([500, 503]);
		const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as { faults: { rate: number }; links: number };
		expect(state.faults.rate).toBe(1);
		expect(state.links).toBe(60);
		sandbox.reset();
		expect((await get(sandbox, '/v1/segments?limit=1')).status).toBe(200);
	});

	it('applies run-level drop and html fractions', async () => {
		sandbox.setFaults({ html: 1 });
		expect((await get(sandbox, '/v1/segments?limit=1')).status).toBe(502);
		sandbox.setFaults({ html: 0, drop: 1 });
		await expect(get(sandbox, '/v1/segments?limit=1')).rejects.toThrow();
	});

	it('rejects a malformed fault script', async () => {
		expect((await adminFaults({ next: [{ kind: 'boom' }] })).status).toBe(400);
		expect((await adminFaults({ rate: 2 })).status).toBe(400);
	});
});
