/**
 * Injected faults: each kind per request and scripted, run-level rates, ordering after auth; the kinds before the
 * handler change nothing, the commit-* kinds change data and then spoil the answer.
 */
import { PROXY_502_PAGE } from '../../sandbox';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { call, get, post, type Link, type Page } from './http';

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

	it('rejects an unknown fault name with a 400 that lists the kinds', async () => {
		const reply = await get(sandbox, '/v1/links', fault('explode'));
		expect(reply.status).toBe(400);
		expect(reply.body.error.message).toContain('commit-drop, commit-500, stall');
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

describe('faults after the change (commit-drop, commit-500)', () => {
	const keyed = (key: string, kind?: string) => ({ headers: { 'Idempotency-Key': key, ...(kind ? { 'X-Sandbox-Fault': kind } : {}) } });

	it('commit-drop creates the link, closes the connection, and the retry with the same key replays the 201', async () => {
		const before = sandbox.counts().links;
		const body = { destination: 'https://example.com/commit-drop' };
		await expect(post(sandbox, '/v1/links', body, keyed('key-commit-drop', 'commit-drop'))).rejects.toThrow(/fetch failed/);
		expect(sandbox.counts().links).toBe(before + 1);
		const retry = await post<Link>(sandbox, '/v1/links', body, keyed('key-commit-drop'));
		expect(retry.status).toBe(201);
		expect(retry.headers.get('idempotent-replayed')).toBe('true');
		expect(retry.body.destination).toBe(body.destination);
		expect(sandbox.counts().links).toBe(before + 1);
		expect((await get<Link>(sandbox, `/v1/links/${retry.body.id}`)).status).toBe(200);
	});

	it('commit-500 creates the link, answers a JSON 500 with a request id, and the retry replays the 201', async () => {
		const before = sandbox.counts().links;
		const body = { destination: 'https://example.com/commit-500' };
		const spoiled = await post(sandbox, '/v1/links', body, keyed('key-commit-500', 'commit-500'));
		expect(spoiled.status).toBe(500);
		expect(spoiled.body.error.code).toBe('server_error');
		expect(spoiled.body.error.requestId).toBe(spoiled.headers.get('x-request-id'));
		expect(sandbox.counts().links).toBe(before + 1);
		const retry = await post<Link>(sandbox, '/v1/links', body, keyed('key-commit-500'));
		expect(retry.status).toBe(201);
		expect(sandbox.counts().links).toBe(before + 1);
	});

	it('commit-drop on a DELETE deletes, so the retry gets a 404; commit-500 on a PATCH applies the change', async () => {
		const link = (await post<Link>(sandbox, '/v1/links', { destination: 'https://example.com/to-change' })).body;
		const patched = await call(sandbox, 'PATCH', `/v1/links/${link.id}`, { body: { title: 'Changed' }, ...fault('commit-500') });
		expect(patched.status).toBe(500);
		expect((await get<Link>(sandbox, `/v1/links/${link.id}`)).body.title).toBe('Changed');
		await expect(call(sandbox, 'DELETE', `/v1/links/${link.id}`, fault('commit-drop'))).rejects.toThrow(/fetch failed/);
		expect((await call(sandbox, 'DELETE', `/v1/links/${link.id}`)).status).toBe(404);
	});

	it('spoils a refused write too, without changing anything', async () => {
		const before = sandbox.counts().links;
		const refused = await post(sandbox, '/v1/links', { destination: 'https://example.com/x', campaignId: 'cmp_missing' }, fault('commit-500'));
		expect(refused.status).toBe(500);
		expect(sandbox.counts().links).toBe(before);
	});
});

describe('stall', () => {
	it('gives no answer, so the client gives up; nothing is created and the server stays fine', async () => {
		const before = sandbox.counts().links;
		const started = Date.now();
		const request = fetch(`${sandbox.url}/v1/links`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json', 'X-Sandbox-Fault': 'stall' },
			body: JSON.stringify({ destination: 'https://example.com/stalled' }),
			signal: AbortSignal.timeout(400),
		});
		await expect(request).rejects.toThrow(/aborted due to timeout/);
		expect(Date.now() - started).toBeGreaterThanOrEqual(390);
		expect(sandbox.counts().links).toBe(before);
		expect((await get(sandbox, '/v1/links?limit=1')).status).toBe(200);
	});

	it('closes the connection once stallMs has passed', async () => {
		sandbox.setFaults({ stallMs: 200, next: [{ kind: 'stall' }] });
		const started = Date.now();
		await expect(get(sandbox, '/v1/links')).rejects.toThrow(/fetch failed/);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
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

	it('a step with `match` waits for a request to that method and path; the others pass it by', async () => {
		expect((await adminFaults({ next: [{ kind: '503', match: 'POST /v1/links/bulk' }, { kind: 'html' }] })).status).toBe(200);
		expect((await get(sandbox, '/v1/links?limit=1')).status).toBe(502);
		expect((await get(sandbox, '/v1/links?limit=1')).status).toBe(200);
		const before = sandbox.counts().links;
		expect((await post(sandbox, '/v1/links/bulk', { links: [{ destination: 'https://example.com/m' }] })).status).toBe(503);
		expect(sandbox.counts().links).toBe(before);
		expect((await adminFaults({ next: [{ kind: '500', match: 'links' }] })).status).toBe(400);
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

	it('applies run-level commit-drop and commit-500 fractions set over the admin API', async () => {
		expect((await adminFaults({ commit500: 1 })).status).toBe(200);
		const before = sandbox.counts().links;
		expect((await post(sandbox, '/v1/links', { destination: 'https://example.com/run-level' })).status).toBe(500);
		expect(sandbox.counts().links).toBe(before + 1);
		await adminFaults({ commit500: 0, commitDrop: 1 });
		await expect(post(sandbox, '/v1/links', { destination: 'https://example.com/run-level-2' })).rejects.toThrow();
		expect(sandbox.counts().links).toBe(before + 2);
		const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as { faults: Record<string, unknown> };
		expect(state.faults).toMatchObject({ commitDrop: 1, commit500: 0, stall: 0 });
	});

	it('mixes kinds at the given fractions, reproducibly from the seed', async () => {
		const outcomes = async () => {
			sandbox.reset();
			sandbox.setFaults({ rate: 0.1, drop: 0.1, commitDrop: 0.1, commit500: 0.1 });
			const seen: string[] = [];
			for (let i = 0; i < 60; i++) {
				seen.push(await get(sandbox, '/v1/segments?limit=1').then((reply) => String(reply.status), () => 'dropped'));
			}
			return seen;
		};
		const first = await outcomes();
		expect(new Set(first)).toEqual(new Set(['200', '500', '503', 'dropped']));
		expect(first.filter((outcome) => outcome === '200').length).toBeGreaterThan(20);
		expect(await outcomes()).toEqual(first);
	});

	it('rejects a malformed fault script', async () => {
		expect((await adminFaults({ next: [{ kind: 'boom' }] })).status).toBe(400);
		expect((await adminFaults({ rate: 2 })).status).toBe(400);
		expect((await adminFaults({ commitDrop: -0.1 })).status).toBe(400);
		expect((await adminFaults({ stallMs: 'long' })).status).toBe(400);
	});
});
