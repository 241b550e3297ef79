/**
 * Injected faults: each kind per request (X-Sandbox-Fault) and scripted (`next` with `match`), run-level rates;
 * after auth; the kinds before the handler change nothing, commit-drop and commit-500 carry the write out and then
 * lose or spoil the answer.
 */
import { PROXY_502_PAGE } from '../../sandbox';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { admin, del, get, patch, post, put, type Link, type Page } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const fault = (kind: string) => ({ headers: { 'X-Sandbox-Fault': kind } });

describe('per request (X-Sandbox-Fault)', () => {
	it('answers 500 and 503 with the {"error"} body', async () => {
		const e500 = await get(sandbox, '/v1/links', fault('500'));
		expect([e500.status, Object.keys(e500.body)]).toEqual([500, ['error']]);
		const e503 = await get(sandbox, '/v1/links', fault('503'));
		expect([e503.status, typeof e503.body.error]).toEqual([503, 'string']);
	});

	it('answers a proxy-style HTML 502 page', async () => {
		const reply = await get(sandbox, '/v1/links', fault('html'));
		expect(reply.status).toBe(502);
		expect(reply.headers.get('content-type')).toContain('text/html');
		expect(reply.text).toBe(PROXY_502_PAGE);
	});

	it('drops the connection without an answer; the server is fine afterwards', async () => {
		await expect(get(sandbox, '/v1/links', fault('drop'))).rejects.toThrow(/fetch failed/);
		expect((await get(sandbox, '/v1/links?limit=1')).status).toBe(200);
	});

	it('answers an injected 429 like the limiter: same body, headers as --rate-limit-headers says', async () => {
		const plain = await get(sandbox, '/v1/links', fault('429'));
		expect([plain.status, plain.body, plain.headers.get('retry-after')]).toEqual([429, { error: 'Too many requests' }, null]);
		sandbox.setRateLimitHeaders('retry-after');
		expect((await get(sandbox, '/v1/links', fault('429'))).headers.get('retry-after')).toBe('1');
		sandbox.setFaults({ next: [{ kind: '429', retryAfter: 7 }] });
		expect((await get(sandbox, '/v1/links')).headers.get('retry-after')).toBe('7');
	});

	it('adds latency and then answers normally', async () => {
		const started = Date.now();
		expect((await get(sandbox, '/v1/links?limit=1', fault('latency=300'))).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('refuses an unknown fault name with a 400 that lists the kinds', async () => {
		const reply = await get(sandbox, '/v1/links', fault('explode'));
		expect(reply.status).toBe(400);
		expect(reply.body.error).toContain('commit-drop, commit-500, stall');
	});

	it('applies after auth, and to /track and /feeds too', async () => {
		expect((await get(sandbox, '/v1/links', { key: null, ...fault('500') })).status).toBe(401);
		expect((await get(sandbox, '/feeds/links.csv', fault('503'))).status).toBe(503);
		expect((await post(sandbox, '/track/lead', { publishable_key: sandbox.publishableKey, customer_external_id: 'c' }, { key: null, ...fault('html') })).status).toBe(502);
	});

	it('never lets a faulted write through', async () => {
		for (const kind of ['500', '503', 'html', '429']) {
			expect((await put(sandbox, `/v1/links/faulted-${kind}`, { original_url: 'https://example.com/f' }, fault(kind))).status).not.toBe(201);
		}
		await expect(post(sandbox, '/v1/links', { original_url: 'https://example.com/f' }, fault('drop'))).rejects.toThrow();
		expect(sandbox.counts().links).toBe(60);
	});
});

describe('after the change (commit-drop, commit-500)', () => {
	it('commit-drop on a PUT creates the link, then closes the connection; the retry updates it (200)', async () => {
		await expect(put(sandbox, '/v1/links/commit-drop', { original_url: 'https://example.com/cd' }, fault('commit-drop'))).rejects.toThrow(/fetch failed/);
		expect(sandbox.counts().links).toBe(61);
		const retry = await put<Link>(sandbox, '/v1/links/commit-drop', { original_url: 'https://example.com/cd' });
		expect(retry.status).toBe(200);
		expect(retry.body.original_url).toBe('https://example.com/cd');
		expect(sandbox.counts().links).toBe(61);
	});

	it('commit-500 on a POST creates the link and answers a JSON 500', async () => {
		const spoiled = await post(sandbox, '/v1/links', { original_url: 'https://example.com/commit-500' }, fault('commit-500'));
		expect(spoiled.status).toBe(500);
		expect(Object.keys(spoiled.body)).toEqual(['error']);
		expect(sandbox.counts().links).toBe(61);
		expect((await get<Page<Link>>(sandbox, '/v1/links?search=commit-500')).body.meta.total).toBe(1);
	});

	it('commit-drop on a DELETE deletes, so the retry gets a 404; commit-500 on a PATCH applies the change', async () => {
		const link = (await post<Link>(sandbox, '/v1/links', { original_url: 'https://example.com/to-change' })).body;
		expect((await patch(sandbox, `/v1/links/${link.short_code}`, { title: 'Changed' }, fault('commit-500'))).status).toBe(500);
		expect((await get<Link>(sandbox, `/v1/links/${link.short_code}`)).body.title).toBe('Changed');
		await expect(del(sandbox, `/v1/links/${link.short_code}`, fault('commit-drop'))).rejects.toThrow(/fetch failed/);
		expect((await del(sandbox, `/v1/links/${link.short_code}`)).status).toBe(404);
	});

	it('commit-500 on a sale records it; a refused write stays refused', async () => {
		const sale = { publishable_key: sandbox.publishableKey, customer_external_id: 'c', amount: 100, invoice_id: 'inv_commit' };
		expect((await post(sandbox, '/track/sale', sale, { key: null, ...fault('commit-500') })).status).toBe(500);
		expect((await get<Page<unknown>>(sandbox, '/v1/conversions?invoice_id=inv_commit')).body.meta.total).toBe(1);
		expect((await post(sandbox, '/v1/links', { original_url: 'https://malware.test/' }, fault('commit-500'))).status).toBe(500);
		expect(sandbox.counts().links).toBe(60);
	});
});

describe('stall', () => {
	it('gives no answer, so the client gives up; nothing is created', async () => {
		const started = Date.now();
		const request = fetch(`${sandbox.url}/v1/links/stalled`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json', 'X-Sandbox-Fault': 'stall' },
			body: JSON.stringify({ original_url: 'https://example.com/stalled' }),
			signal: AbortSignal.timeout(400),
		});
		await expect(request).rejects.toThrow(/aborted due to timeout/);
		expect(Date.now() - started).toBeGreaterThanOrEqual(390);
		expect((await get(sandbox, '/v1/links/stalled')).status).toBe(404);
	});

	it('closes the connection after stallMs', async () => {
		sandbox.setFaults({ stallMs: 200, next: [{ kind: 'stall' }] });
		await expect(get(sandbox, '/v1/links')).rejects.toThrow(/fetch failed/);
	});
});

describe('scripted (next) and run-level', () => {
	it('takes steps in order; a step with match waits for its request (PUT, /track and /feeds paths too)', async () => {
		await admin(sandbox, '/__sandbox/faults', {
			next: [
				{ kind: '503', match: 'PUT /v1/links/abc123' },
				{ kind: 'html', match: 'POST /track/sale' },
				{ kind: '500', match: 'GET /feeds/clicks.csv' },
				{ kind: '500' },
			],
		});
		expect((await get(sandbox, '/v1/tags')).status).toBe(500);
		expect((await get(sandbox, '/v1/tags')).status).toBe(200);
		expect((await put(sandbox, '/v1/links/other1', { original_url: 'https://example.com' })).status).toBe(201);
		expect((await put(sandbox, '/v1/links/abc123', { original_url: 'https://example.com' })).status).toBe(503);
		expect((await put(sandbox, '/v1/links/abc123', { original_url: 'https://example.com' })).status).toBe(201);
		expect((await get(sandbox, '/feeds/clicks.csv?short_code=abc123')).status).toBe(500);
		expect((await post(sandbox, '/track/sale', { publishable_key: sandbox.publishableKey, customer_external_id: 'c', amount: 1 }, { key: null })).status).toBe(502);
		expect(((await admin(sandbox, '/__sandbox/state')) as { faults: { next: unknown[] } }).faults.next).toEqual([]);
	});

	it('refuses a match outside the API or with an unknown method, and an unknown kind', async () => {
		await expect(admin(sandbox, '/__sandbox/faults', { next: [{ kind: '500', match: 'GET /__sandbox/state' }] })).rejects.toThrow(/400/);
		await expect(admin(sandbox, '/__sandbox/faults', { next: [{ kind: '500', match: 'FETCH /v1/links' }] })).rejects.toThrow(/400/);
		await expect(admin(sandbox, '/__sandbox/faults', { next: [{ kind: 'boom' }] })).rejects.toThrow(/400/);
		await expect(admin(sandbox, '/__sandbox/faults', { rate: 2 })).rejects.toThrow(/400/);
	});

	it('run-level fractions come from the seeded PRNG: the same seed gives the same sequence', async () => {
		const run = async () => {
			sandbox.reset();
			sandbox.setFaults({ rate: 0.3, drop: 0.1 });
			const statuses: Array<number | string> = [];
			for (let i = 0; i < 30; i++) statuses.push(await get(sandbox, '/v1/tags').then((r) => r.status, () => 'dropped'));
			return statuses;
		};
		const first = await run();
		expect(first.filter((s) => s === 500 || s === 503).length).toBeGreaterThan(3);
		expect(first).toContain('dropped');
		expect(first).toContain(200);
		expect(await run()).toEqual(first);
	});

	it('starts with --fault mixes and --latency from the options', async () => {
		const flaky = await startTestSandbox({ faultMix: { commitDrop: 1 }, latencyMs: 50 });
		try {
			await expect(put(flaky, '/v1/links/mixed1', { original_url: 'https://example.com' })).rejects.toThrow();
			expect(flaky.counts().links).toBe(61);
		} finally {
			await flaky.stop();
		}
	});
});
