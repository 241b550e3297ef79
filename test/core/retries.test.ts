import { createLinkkitClient, operations } from '../../core';
import { apiError, FakePort, json } from '../support/fake-port';
import { linkkitFailure as failure } from '../support/linkkit-failure';

const BASE = 'https://api.uselinkkit.com';
const link = { id: '3f6c1a9e-8b2d-4c71-9e0a-5d4b7f2c1e88', short_code: 'abc123', original_url: 'https://example.com', custom_domain: null, created_at: '2026-11-27T12:00:00.000Z', updated_at: '2026-11-27T12:00:00.000Z' };
const withUrl = { ...link, short_url: 'https://uselinkkit.com/abc123' };
const rateLimited = (retryAfter?: string) =>
	apiError(429, 'Too many requests', retryAfter === undefined ? {} : { 'retry-after': retryAfter });

function client(port: FakePort, retry = {}) {
	return createLinkkitClient(port, { baseUrl: BASE, retry });
}

describe('429 handling', () => {
	it('waits the Retry-After seconds, then succeeds', async () => {
		const port = new FakePort([rateLimited('3'), json(200, link)]);
		await expect(client(port).links.get('abc123')).resolves.toEqual(withUrl);
		expect(port.sleeps).toEqual([3000]);
		expect(port.requests).toHaveLength(2);
	});

	it('reads Retry-After given as an HTTP date', async () => {
		const port = new FakePort([]);
		const inFiveSeconds = new Date(port.clock + 5000).toUTCString();
		port['script'].push(rateLimited(inFiveSeconds), json(200, link));
		await client(port).links.get('abc123');
		expect(port.sleeps).toEqual([5000]);
	});

	it('fails fast with the requested delay when Retry-After exceeds the single-wait cap', async () => {
		const port = new FakePort([rateLimited('120'), json(200, link)]);
		const error = await failure(client(port, { maxWaitMs: 60_000 }).links.get('abc123'));
		expect(error.code).toBe('rate_limited');
		expect(error.status).toBe(429);
		expect(error.retryAfterMs).toBe(120_000);
		expect(error.message).toMatch(/would have to wait 120 s/);
		// The numbers, for each platform to word in its own terms; the core's message names no platform.
		expect(error.rateLimitWait).toEqual({ source: 'retry-after', waitMs: 120_000, allowedMs: 60_000, limit: 'single-wait' });
		expect(error.message).not.toMatch(/node|workflow|option|Zap|step/i);
		expect(port.requests).toHaveLength(1);
		expect(port.sleeps).toEqual([]);
	});

	it('stops when the total waiting budget would be exceeded', async () => {
		const port = new FakePort([rateLimited('20'), rateLimited('20'), json(200, link)]);
		const error = await failure(client(port, { maxTotalWaitMs: 30_000 }).links.get('abc123'));
		expect(error.code).toBe('rate_limited');
		expect(error.retryAfterMs).toBe(20_000);
		expect(error.rateLimitWait).toEqual({ source: 'retry-after', waitMs: 20_000, allowedMs: 10_000, limit: 'total-wait' });
		expect(port.sleeps).toEqual([20_000]);
		expect(port.requests).toHaveLength(2);
	});

	it('backs off exponentially with full jitter when no Retry-After is given', async () => {
		const port = new FakePort([rateLimited(), rateLimited(), rateLimited(), json(200, link)]);
		port.randomValue = 0.5;
		await client(port, { baseDelayMs: 500, pacing: false }).links.get('abc123');
		expect(port.sleeps).toEqual([250, 500, 1000]);
	});

	it('jitter stays below the backoff ceiling', async () => {
		const port = new FakePort([rateLimited(), rateLimited(), json(200, link)]);
		port.randomValue = 0.999;
		await client(port, { baseDelayMs: 1000, maxBackoffMs: 1500, pacing: false }).links.get('abc123');
		expect(port.sleeps).toEqual([999, 1498]);
	});

	it('retries a POST on 429, since Linkkit did nothing', async () => {
		const port = new FakePort([rateLimited('1'), json(201, link)]);
		await client(port).http.call('createLink', { body: { original_url: 'https://example.com' } });
		expect(port.requests).toHaveLength(2);
	});

	it('429s are bounded by the time allowed to wait, not by Max Retries: waiting within it beats failing the run', async () => {
		const port = new FakePort([rateLimited('1'), rateLimited('1'), rateLimited('1'), rateLimited('1'), json(200, link)]);
		await expect(client(port, { maxRetries: 2 }).links.get('abc123')).resolves.toEqual(withUrl);
		expect(port.requests).toHaveLength(5);
		const tight = new FakePort([rateLimited('1'), rateLimited('1'), rateLimited('1')]);
		const error = await failure(client(tight, { maxTotalWaitMs: 2_500 }).links.get('abc123'));
		expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterMs: 1000, apiMessage: 'Too many requests' });
	});
});

describe('5xx and network failures', () => {
	it('retries a GET on 500/503 and succeeds', async () => {
		const port = new FakePort([apiError(500, 'boom'), apiError(503, 'down'), json(200, link)]);
		await expect(client(port).links.get('abc123')).resolves.toEqual(withUrl);
		expect(port.requests).toHaveLength(3);
	});

	it('never repeats a POST blindly after a 500 (Linkkit has no idempotency key): the outcome is marked unknown', async () => {
		const port = new FakePort([apiError(500, 'boom'), json(201, link)]);
		const error = await failure(client(port).http.call('createLink', { body: { original_url: 'https://example.com' } }));
		expect(port.requests).toHaveLength(1);
		expect(error).toMatchObject({ status: 500, code: 'server_error', apiMessage: 'boom', outcomeUnknown: true });
		expect(error.message).toMatch(/Linkkit had a problem on its side \(HTTP 500\): boom/);
	});

	it('never repeats a POST blindly after a dropped connection', async () => {
		const port = new FakePort([new Error('socket hang up'), json(201, link)]);
		const error = await failure(client(port).http.call('createLink', { body: { original_url: 'https://example.com' } }));
		expect(port.requests).toHaveLength(1);
		expect(error.code).toBe('network_error');
		expect(error.message).toMatch(/Could not reach Linkkit at https:\/\/api.uselinkkit.com: socket hang up/);
	});

	it('repeats a PUT under the same code through 503, a dropped connection and a 429 (a repeat updates the same link)', async () => {
		const port = new FakePort([apiError(503, 'down'), new Error('ECONNRESET'), rateLimited('1'), json(200, link)]);
		await client(port).links.upsert('abc123', { original_url: 'https://example.com' });
		expect(port.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(Array(4).fill('PUT /v1/links/abc123'));
		expect(new Set(port.requests.map((r) => JSON.stringify(r.body))).size).toBe(1);
	});

	it('sends no Idempotency-Key (Linkkit has none)', async () => {
		const port = new FakePort([json(201, link)]);
		await client(port).links.upsert('abc123', { original_url: 'https://example.com' });
		expect(Object.keys(port.requests[0].headers).map((h) => h.toLowerCase())).not.toContain('idempotency-key');
	});

	it('retries a DELETE and a PATCH on a network failure', async () => {
		const port = new FakePort([new Error('ECONNRESET'), json(204, ''), new Error('ETIMEDOUT'), json(200, link)]);
		await client(port).links.delete('abc123');
		await client(port).links.update('abc123', { title: 'New' });
		expect(port.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'PATCH', 'PATCH']);
	});

	it('treats an HTML error page as a Linkkit-side failure, retried on GET', async () => {
		const html = { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body>502 Bad Gateway</body></html>' };
		const port = new FakePort([html, json(200, link)]);
		await expect(client(port).links.get('abc123')).resolves.toEqual(withUrl);
		const port2 = new FakePort([html, html]);
		const error = await failure(client(port2, { maxRetries: 1 }).links.get('abc123'));
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
		await c.links.get('abc123');
		expect(port.sleeps).toEqual([]);
		await c.links.get('abc123');
		expect(port.sleeps).toEqual([reset * 1000 - Date.parse(date)]);
		await c.links.get('abc123');
		expect(port.sleeps).toHaveLength(1);
		expect(port.requests).toHaveLength(3);
	});

	it('fails fast without sending when the pacing window is longer than allowed', async () => {
		const port = new FakePort([]);
		port['script'].push(json(200, link, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '90' }));
		const c = client(port, { maxWaitMs: 10_000 });
		await c.links.get('abc123');
		const error = await failure(c.links.get('abc123'));
		expect(error.code).toBe('rate_limited');
		expect(error.retryAfterMs).toBe(90_000);
		expect(error.rateLimitWait).toEqual({ source: 'window', waitMs: 90_000, allowedMs: 10_000, limit: 'single-wait' });
		expect(error.message).toMatch(/^Linkkit's rate limit for this API key is used up for the next 90 s/);
		expect(error.message).not.toMatch(/node|workflow|option|Zap|step/i);
		expect(port.requests).toHaveLength(1);
		expect(port.sleeps).toEqual([]);
	});

	it('can be switched off', async () => {
		const port = new FakePort([]);
		port['script'].push(json(200, link, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '2' }), json(200, link));
		const c = client(port, { pacing: false });
		await c.links.get('abc123');
		await c.links.get('abc123');
		expect(port.sleeps).toEqual([]);
	});
});

describe('request timeout', () => {
	const timedOut = () => Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });

	it('gives every attempt the timeout (30 s by default, or as configured)', async () => {
		const port = new FakePort([json(200, link), json(200, link)]);
		await client(port).links.get('abc123');
		await client(port, { requestTimeoutMs: 5_000 }).links.get('abc123');
		expect(port.requests.map((r) => r.timeoutMs)).toEqual([30_000, 5_000]);
	});

	it('retries a read that timed out, and says so plainly when every attempt did', async () => {
		const port = new FakePort([timedOut(), json(200, link)]);
		await expect(client(port).links.get('abc123')).resolves.toEqual(withUrl);
		const port2 = new FakePort([timedOut(), timedOut()]);
		const error = await failure(client(port2, { maxRetries: 1, requestTimeoutMs: 8_000 }).links.get('abc123'));
		expect(error.code).toBe('timeout');
		expect(error.message).toBe(
			'Linkkit at https://api.uselinkkit.com did not answer within 8 s, so the request was abandoned. Linkkit may be slow or unreachable: try again later.',
		);
	});

	it("recognises a timeout wrapped by the platform (n8n's NodeApiError around axios' ECONNABORTED)", async () => {
		const axiosTimeout = Object.assign(new Error('timeout of 30000ms exceeded'), { code: 'ECONNABORTED' });
		const wrapped = Object.assign(new Error('The connection was aborted, perhaps the server is offline'), { cause: axiosTimeout });
		const port = new FakePort([wrapped]);
		const error = await failure(client(port, { maxRetries: 0 }).links.get('abc123'));
		expect(error.code).toBe('timeout');
	});

	it('does not repeat a POST that timed out, and says its outcome is unknown', async () => {
		const port = new FakePort([timedOut(), json(201, link)]);
		const error = await failure(client(port).http.call('createLink', { body: { original_url: 'https://example.com' } }));
		expect(port.requests).toHaveLength(1);
		expect(error.code).toBe('timeout');
		expect(error.outcomeUnknown).toBe(true);
		expect(error.message).toMatch(/did not answer within 30 s, so the request was abandoned\. It is not known whether Linkkit carried out the request: check in Linkkit before sending it again, so nothing is created twice\.$/);
	});

	it('repeats a PUT after a timeout and returns the answer of the repeat', async () => {
		const port = new FakePort([timedOut(), json(200, link)]);
		await expect(client(port).links.upsert('abc123', { original_url: 'https://example.com' })).resolves.toEqual({ link: withUrl, created: false });
		expect(port.requests).toHaveLength(2);
	});

	it('says an update or delete whose answer never came may be sent again safely', async () => {
		const port = new FakePort([new Error('socket hang up')]);
		const error = await failure(client(port, { maxRetries: 0 }).links.update('abc123', { title: 'x' }));
		expect(error.message).toBe(
			'Could not reach Linkkit at https://api.uselinkkit.com: socket hang up. It is not known whether Linkkit carried out the request; sending it again is safe, since it has the same effect twice.',
		);
	});

	it('ends with the failure itself when the platform refuses the backoff wait (no time left in the step)', async () => {
		const port = new FakePort([new Error('socket hang up'), json(200, link)]);
		port.sleep = async () => {
			throw new Error('no time left');
		};
		const error = await failure(client(port).links.get('abc123'));
		expect(error.message).toMatch(/^Could not reach Linkkit at https:\/\/api.uselinkkit.com: socket hang up\./);
		expect(port.requests).toHaveLength(1);
	});

	it('says a refused connection changed nothing', async () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
		const error = await failure(client(new FakePort([refused]), { maxRetries: 0 }).links.delete('abc123'));
		expect(error.code).toBe('network_error');
		expect(error.message).toMatch(/ECONNREFUSED 127\.0\.0\.1:1\. Nothing was sent, so nothing changed\./);
	});
});

describe('a DELETE whose first attempt may have gone through', () => {
	const notFound = () => apiError(404, 'Link not found');

	it.each([
		['the connection was lost', new Error('ECONNRESET')],
		['it timed out', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
		['Linkkit answered 500', apiError(500, 'boom')],
		['a proxy answered an HTML 502', { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>502</html>' }],
	])('succeeds when the retry finds it gone after %s', async (_case, first) => {
		const port = new FakePort([first, notFound()]);
		await expect(client(port).links.delete('abc123')).resolves.toEqual({ short_code: 'abc123', deleted: true });
		expect(port.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
	});

	it('still fails with "not found" when nothing suggests an earlier attempt went through', async () => {
		const straight = await failure(client(new FakePort([notFound()])).links.delete('abc123'));
		expect(straight.status).toBe(404);
		// A 429 means Linkkit did nothing; a refused connection never reached it.
		const afterRateLimit = await failure(client(new FakePort([rateLimited('1'), notFound()])).links.delete('abc123'));
		expect(afterRateLimit.status).toBe(404);
		const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		const afterRefused = await failure(client(new FakePort([refused, notFound()])).links.delete('abc123'));
		expect(afterRefused.status).toBe(404);
	});

	it('applies to segments, tags and campaign settings too', async () => {
		const id = '3f6c1a9e-8b2d-4c71-9e0a-5d4b7f2c1e88';
		const port = new FakePort([new Error('socket hang up'), notFound(), apiError(503, 'down'), notFound(), new Error('ECONNRESET'), notFound()]);
		const c = client(port);
		await expect(c.segments.delete(id)).resolves.toEqual({ id, deleted: true });
		await expect(c.tags.delete(id)).resolves.toEqual({ id, deleted: true });
		await expect(c.campaignSettings.delete(id)).resolves.toEqual({ id, deleted: true });
		expect(port.requests.map((r) => new URL(r.url).pathname.split('/')[2])).toEqual(['lists', 'lists', 'tags', 'tags', 'utm-templates', 'utm-templates']);
	});
});

describe('POST operations', () => {
	it('every POST of the contract is a create the core never repeats blindly (each has a look-up before a resend, or none is possible)', () => {
		const posts = Object.entries(operations)
			.filter(([, op]) => op.method === 'POST')
			.map(([id]) => id)
			.sort();
		expect(posts).toEqual(['bulkCreateLinks', 'createLink', 'createList', 'createQrCode', 'createTag', 'createUtmTemplate', 'subscribeHook', 'trackLead', 'trackSale']);
	});
});
