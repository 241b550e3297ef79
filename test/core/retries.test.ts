import { createLinkkitClient, operations } from '../../core';
import { apiError, FakePort, json } from '../support/fake-port';
import { linkkitFailure as failure } from '../support/linkkit-failure';

const BASE = 'https://api.uselinkkit.com';
const link = { id: 'lnk_abc123', destination: 'https://example.com' };
const rateLimited = (retryAfter?: string) =>
	apiError(429, 'rate_limited', 'Rate limit exceeded', {}, retryAfter === undefined ? {} : { 'retry-after': retryAfter });

function client(port: FakePort, retry = {}) {
	return createLinkkitClient(port, { baseUrl: BASE, retry });
}

describe('429 handling', () => {
	it('waits the Retry-After seconds, then succeeds', async () => {
		const port = new FakePort([rateLimited('3'), json(200, link)]);
		await expect(client(port).links.get('lnk_abc123')).resolves.toEqual(link);
		expect(port.sleeps).toEqual([3000]);
		expect(port.requests).toHaveLength(2);
	});

	it('reads Retry-After given as an HTTP date', async () => {
		const port = new FakePort([]);
		const inFiveSeconds = new Date(port.clock + 5000).toUTCString();
		port['script'].push(rateLimited(inFiveSeconds), json(200, link));
		await client(port).links.get('lnk_abc123');
		expect(port.sleeps).toEqual([5000]);
	});

	it('fails fast with the requested delay when Retry-After exceeds the single-wait cap', async () => {
		const port = new FakePort([rateLimited('120'), json(200, link)]);
		const error = await failure(client(port, { maxWaitMs: 60_000 }).links.get('lnk_abc123'));
		expect(error.code).toBe('rate_limited');
		expect(error.status).toBe(429);
		expect(error.retryAfterMs).toBe(120_000);
		expect(error.requestId).toBe('req_err456');
		expect(error.message).toMatch(/asked to wait 120 s/);
		// The numbers, for each platform to word in its own terms; the core's message names no platform.
		expect(error.rateLimitWait).toEqual({ source: 'retry-after', waitMs: 120_000, allowedMs: 60_000, limit: 'single-wait' });
		expect(error.message).not.toMatch(/node|workflow|option|Zap|step/i);
		expect(port.requests).toHaveLength(1);
		expect(port.sleeps).toEqual([]);
	});

	it('stops when the total waiting budget would be exceeded', async () => {
		const port = new FakePort([rateLimited('20'), rateLimited('20'), json(200, link)]);
		const error = await failure(client(port, { maxTotalWaitMs: 30_000 }).links.get('lnk_abc123'));
		expect(error.code).toBe('rate_limited');
		expect(error.retryAfterMs).toBe(20_000);
		expect(error.rateLimitWait).toEqual({ source: 'retry-after', waitMs: 20_000, allowedMs: 10_000, limit: 'total-wait' });
		expect(port.sleeps).toEqual([20_000]);
		expect(port.requests).toHaveLength(2);
	});

	it('backs off exponentially with full jitter when no Retry-After is given', async () => {
		const port = new FakePort([rateLimited(), rateLimited(), rateLimited(), json(200, link)]);
		port.randomValue = 0.5;
		await client(port, { baseDelayMs: 500 }).links.get('lnk_abc123');
		expect(port.sleeps).toEqual([250, 500, 1000]);
	});

	it('jitter stays below the backoff ceiling', async () => {
		const port = new FakePort([rateLimited(), rateLimited(), json(200, link)]);
		port.randomValue = 0.999;
		await client(port, { baseDelayMs: 1000, maxBackoffMs: 1500 }).links.get('lnk_abc123');
		expect(port.sleeps).toEqual([999, 1498]);
	});

	it('retries a POST without an idempotency key on 429, since Linkkit did nothing', async () => {
		const port = new FakePort([rateLimited('1'), json(201, link)]);
		await client(port).http.call('createLink', { body: { destination: 'https://example.com' } });
		expect(port.requests).toHaveLength(2);
	});

	it('gives up after maxRetries and keeps status, code and request id', async () => {
		const port = new FakePort([rateLimited('1'), rateLimited('1'), rateLimited('1')]);
		const error = await failure(client(port, { maxRetries: 2 }).links.get('lnk_abc123'));
		expect(port.requests).toHaveLength(3);
		expect(error).toMatchObject({ status: 429, code: 'rate_limited', requestId: 'req_err456', retryAfterMs: 1000 });
	});
});

describe('5xx and network failures', () => {
	it('retries a GET on 500/503 and succeeds', async () => {
		const port = new FakePort([apiError(500, 'server_error', 'boom'), apiError(503, 'service_unavailable', 'down'), json(200, link)]);
		await expect(client(port).links.get('lnk_abc123')).resolves.toEqual(link);
		expect(port.requests).toHaveLength(3);
	});

	it('does not retry a POST without an Idempotency-Key on 500', async () => {
		const port = new FakePort([apiError(500, 'server_error', 'boom'), json(201, link)]);
		const error = await failure(client(port).http.call('createLink', { body: { destination: 'https://example.com' } }));
		expect(port.requests).toHaveLength(1);
		expect(error).toMatchObject({ status: 500, code: 'server_error', requestId: 'req_err456' });
		expect(error.message).toMatch(/Linkkit had a problem on its side \(HTTP 500\): boom/);
	});

	it('does not retry a POST without an Idempotency-Key on a dropped connection', async () => {
		const port = new FakePort([new Error('socket hang up'), json(201, link)]);
		const error = await failure(client(port).http.call('createLink', { body: { destination: 'https://example.com' } }));
		expect(port.requests).toHaveLength(1);
		expect(error.code).toBe('network_error');
		expect(error.message).toMatch(/Could not reach Linkkit at https:\/\/api.uselinkkit.com: socket hang up/);
	});

	it('reuses one Idempotency-Key across every retry of a create', async () => {
		const port = new FakePort([
			apiError(503, 'service_unavailable', 'down'),
			new Error('ECONNRESET'),
			rateLimited('1'),
			json(201, link),
		]);
		await client(port).links.create({ destination: 'https://example.com' });
		const keys = port.requests.map((r) => r.headers['Idempotency-Key']);
		expect(keys).toHaveLength(4);
		expect(keys[0]).toMatch(/^lk-/);
		expect(new Set(keys).size).toBe(1);
	});

	it('uses the caller-provided idempotency key', async () => {
		const port = new FakePort([json(201, link)]);
		await client(port).links.create({ destination: 'https://example.com' }, { idempotencyKey: 'run-1-item-0' });
		expect(port.requests[0].headers['Idempotency-Key']).toBe('run-1-item-0');
	});

	it('retries a DELETE and a PATCH on a network failure', async () => {
		const port = new FakePort([new Error('ECONNRESET'), json(204, ''), new Error('ETIMEDOUT'), json(200, link)]);
		await client(port).links.delete('lnk_abc123');
		await client(port).links.update('lnk_abc123', { title: 'New' });
		expect(port.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'PATCH', 'PATCH']);
	});

	it('treats an HTML error page as a Linkkit-side failure, retried on GET', async () => {
		const html = { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body>502 Bad Gateway</body></html>' };
		const port = new FakePort([html, json(200, link)]);
		await expect(client(port).links.get('lnk_abc123')).resolves.toEqual(link);
		const port2 = new FakePort([html, html]);
		const error = await failure(client(port2, { maxRetries: 1 }).links.get('lnk_abc123'));
		expect(error.status).toBe(502);
		expect(error.message).toMatch(/HTML page instead of JSON \(HTTP 502\)/);
	});
});

describe('proactive pacing', () => {
	it('waits for the reset (measured against the answer\'s Date) when X-RateLimit-Remaining hits 0, without provoking a 429', async () => {
		const port = new FakePort([]);
		const date = new Date(port.clock).toUTCString();
		const reset = Math.floor(port.clock / 1000) + 2;
		port['script'].push(
			json(200, link, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset), 'x-ratelimit-limit': '5', date }),
			json(200, link, { 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': String(reset + 1), date }),
			json(200, link, { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': String(reset + 1), date }),
		);
		const c = client(port);
		await c.links.get('lnk_abc123');
		expect(port.sleeps).toEqual([]);
		await c.links.get('lnk_abc123');
		expect(port.sleeps).toEqual([reset * 1000 - Date.parse(date)]);
		await c.links.get('lnk_abc123');
		expect(port.sleeps).toHaveLength(1);
		expect(port.requests).toHaveLength(3);
	});

	it('fails fast without sending when the pacing window is longer than allowed', async () => {
		const port = new FakePort([]);
		port['script'].push(json(200, link, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '90' }));
		const c = client(port, { maxWaitMs: 10_000 });
		await c.links.get('lnk_abc123');
		const error = await failure(c.links.get('lnk_abc123'));
		expect(error.code).toBe('rate_limited');
		expect(error.retryAfterMs).toBe(90_000);
		expect(error.rateLimitWait).toEqual({ source: 'window', waitMs: 90_000, allowedMs: 10_000, limit: 'single-wait' });
		expect(error.message).toMatch(/^Linkkit's rate limit for this API key is used up until its window resets in 90 s/);
		expect(error.message).not.toMatch(/node|workflow|option|Zap|step/i);
		expect(port.requests).toHaveLength(1);
		expect(port.sleeps).toEqual([]);
	});

	it('can be switched off', async () => {
		const port = new FakePort([]);
		port['script'].push(json(200, link, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '2' }), json(200, link));
		const c = client(port, { pacing: false });
		await c.links.get('lnk_abc123');
		await c.links.get('lnk_abc123');
		expect(port.sleeps).toEqual([]);
	});
});

describe('request timeout', () => {
	const timedOut = () => Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });

	it('gives every attempt the timeout (30 s by default, or as configured)', async () => {
		const port = new FakePort([json(200, link), json(200, link)]);
		await client(port).links.get('lnk_abc123');
		await client(port, { requestTimeoutMs: 5_000 }).links.get('lnk_abc123');
		expect(port.requests.map((r) => r.timeoutMs)).toEqual([30_000, 5_000]);
	});

	it('retries a read that timed out, and says so plainly when every attempt did', async () => {
		const port = new FakePort([timedOut(), json(200, link)]);
		await expect(client(port).links.get('lnk_abc123')).resolves.toEqual(link);
		const port2 = new FakePort([timedOut(), timedOut()]);
		const error = await failure(client(port2, { maxRetries: 1, requestTimeoutMs: 8_000 }).links.get('lnk_abc123'));
		expect(error.code).toBe('timeout');
		expect(error.message).toBe(
			'Linkkit at https://api.uselinkkit.com did not answer within 8 s, so the request was abandoned. Linkkit may be slow or unreachable: try again later.',
		);
	});

	it("recognises a timeout wrapped by the platform (n8n's NodeApiError around axios' ECONNABORTED)", async () => {
		const axiosTimeout = Object.assign(new Error('timeout of 30000ms exceeded'), { code: 'ECONNABORTED' });
		const wrapped = Object.assign(new Error('The connection was aborted, perhaps the server is offline'), { cause: axiosTimeout });
		const port = new FakePort([wrapped]);
		const error = await failure(client(port, { maxRetries: 0 }).links.get('lnk_abc123'));
		expect(error.code).toBe('timeout');
	});

	it('does not retry a create without an Idempotency-Key that timed out, and says its outcome is unknown', async () => {
		const port = new FakePort([timedOut(), json(201, link)]);
		const error = await failure(client(port).http.call('createLink', { body: { destination: 'https://example.com' } }));
		expect(port.requests).toHaveLength(1);
		expect(error.code).toBe('timeout');
		expect(error.message).toMatch(/did not answer within 30 s, so the request was abandoned\. It is not known whether Linkkit carried out the request: check in Linkkit before sending it again, so nothing is created twice\.$/);
	});

	it('retries a create with its Idempotency-Key after a timeout and returns the answer of the retry', async () => {
		const port = new FakePort([timedOut(), json(201, link)]);
		await expect(client(port).links.create({ destination: 'https://example.com' })).resolves.toEqual(link);
		expect(port.requests).toHaveLength(2);
		expect(port.requests[1].headers['Idempotency-Key']).toBe(port.requests[0].headers['Idempotency-Key']);
	});

	it('says an update or delete whose answer never came may be sent again safely', async () => {
		const port = new FakePort([new Error('socket hang up')]);
		const error = await failure(client(port, { maxRetries: 0 }).links.update('lnk_abc123', { title: 'x' }));
		expect(error.message).toBe(
			'Could not reach Linkkit at https://api.uselinkkit.com: socket hang up. It is not known whether Linkkit carried out the request; sending it again is safe, since it has the same effect twice.',
		);
	});

	it('ends with the failure itself when the platform refuses the backoff wait (no time left in the step)', async () => {
		const port = new FakePort([new Error('socket hang up'), json(200, link)]);
		port.sleep = async () => {
			throw new Error('no time left');
		};
		const error = await failure(client(port).links.get('lnk_abc123'));
		expect(error.message).toMatch(/^Could not reach Linkkit at https:\/\/api.uselinkkit.com: socket hang up\./);
		expect(port.requests).toHaveLength(1);
	});

	it('says a refused connection changed nothing', async () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
		const error = await failure(client(new FakePort([refused]), { maxRetries: 0 }).links.delete('lnk_abc123'));
		expect(error.code).toBe('network_error');
		expect(error.message).toMatch(/ECONNREFUSED 127\.0\.0\.1:1\. Nothing was sent, so nothing changed\./);
	});
});

describe('a DELETE whose first attempt may have gone through', () => {
	const notFound = () => apiError(404, 'not_found', 'No link lnk_abc123 in this account.');

	it.each([
		['the connection was lost', new Error('ECONNRESET')],
		['it timed out', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
		['Linkkit answered 500', apiError(500, 'server_error', 'boom')],
		['a proxy answered an HTML 502', { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>502</html>' }],
	])('succeeds when the retry finds it gone after %s', async (_case, first) => {
		const port = new FakePort([first, notFound()]);
		await expect(client(port).links.delete('lnk_abc123')).resolves.toEqual({ id: 'lnk_abc123', deleted: true });
		expect(port.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
	});

	it('still fails with "not found" when nothing suggests an earlier attempt went through', async () => {
		const straight = await failure(client(new FakePort([notFound()])).links.delete('lnk_abc123'));
		expect(straight.status).toBe(404);
		// A 429 means Linkkit did nothing; a refused connection never reached it.
		const afterRateLimit = await failure(client(new FakePort([rateLimited('1'), notFound()])).links.delete('lnk_abc123'));
		expect(afterRateLimit.status).toBe(404);
		const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		const afterRefused = await failure(client(new FakePort([refused, notFound()])).campaigns.delete('cmp_abc123'));
		expect(afterRefused.status).toBe(404);
	});

	it('applies to campaigns and segments too', async () => {
		const port = new FakePort([new Error('socket hang up'), notFound(), apiError(503, 'service_unavailable', 'down'), notFound()]);
		const c = client(port);
		await expect(c.campaigns.delete('cmp_abc123')).resolves.toEqual({ id: 'cmp_abc123', deleted: true });
		await expect(c.segments.delete('seg_abc123')).resolves.toEqual({ id: 'seg_abc123', deleted: true });
	});
});

describe('idempotency keys', () => {
	it('every POST of the contract is sent by the core with an Idempotency-Key, so each may be retried', async () => {
		const postPaths = Object.values(operations)
			.filter((op) => op.method === 'POST')
			.map((op) => op.path)
			.sort();
		const port = new FakePort([json(201, link), json(200, { data: [{ index: 0, link }] }), json(201, { id: 'cmp_1' }), json(201, { id: 'seg_1' })]);
		const c = client(port);
		await c.links.create({ destination: 'https://example.com' });
		await c.links.createMany([{ destination: 'https://example.com' }]);
		await c.campaigns.create({ name: 'Spring' });
		await c.segments.create({ name: 'Germany', rules: [{ field: 'country', operator: 'is', value: 'DE' }] });
		const sent = port.requests.map((r) => ({ path: new URL(r.url).pathname, key: r.headers['Idempotency-Key'] }));
		expect(sent.map((s) => s.path).sort()).toEqual(postPaths);
		for (const s of sent) expect(s.key).toMatch(/^lk-[0-9a-f-]{20,}$/);
	});
});
