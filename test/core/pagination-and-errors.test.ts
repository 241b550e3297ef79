import { collect, createLinkkitClient, LinkkitError, paginate } from '../../core';
import { apiError, FakePort, json } from '../support/fake-port';

function pages(total: number) {
	const calls: { cursor?: string; size: number }[] = [];
	const fetchPage = async (cursor: string | undefined, size: number) => {
		calls.push({ cursor, size });
		const start = cursor ? Number(cursor) : 0;
		const data = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
		const next = start + data.length;
		return { data, nextCursor: next < total ? String(next) : null };
	};
	return { calls, fetchPage };
}

describe('pagination', () => {
	it('return all walks every page to the end', async () => {
		const { calls, fetchPage } = pages(250);
		const items = await collect(paginate(fetchPage, { returnAll: true }));
		expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(calls.map((c) => c.size)).toEqual([100, 100, 100]);
	});

	it('a limit asks only for what it still needs and stops', async () => {
		const { calls, fetchPage } = pages(1000);
		const items = await collect(paginate(fetchPage, { limit: 130 }));
		expect(items).toHaveLength(130);
		expect(calls.map((c) => c.size)).toEqual([100, 30]);
	});

	it('guards against a cursor that loops', async () => {
		const fetchPage = async () => ({ data: [1, 2], nextCursor: 'same' });
		await expect(collect(paginate(fetchPage, { returnAll: true }))).rejects.toThrow(/cursor it had already given/);
	});

	it('stops at the page safety limit', async () => {
		const { fetchPage } = pages(1000);
		await expect(collect(paginate(fetchPage, { returnAll: true, pageSize: 10, maxPages: 5 }))).rejects.toThrow(/safety limit/);
	});
});

async function errorFor(answer: ReturnType<typeof json>, call = 'get'): Promise<LinkkitError> {
	const port = new FakePort([answer]);
	const client = createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com', retry: { maxRetries: 0 } });
	try {
		if (call === 'create') await client.links.create({ destination: 'https://example.com' });
		else await client.links.get('lnk_abc');
	} catch (error) {
		return error as LinkkitError;
	}
	throw new Error('expected failure');
}

describe('error messages people can act on', () => {
	it('401 says how to get a key', async () => {
		const e = await errorFor(apiError(401, 'unauthorized', 'API key missing or incorrect'));
		expect(e.message).toBe('API key missing or incorrect — generate one in Linkkit under Settings → API Keys.');
		expect(e).toMatchObject({ status: 401, code: 'unauthorized', requestId: 'req_err456' });
	});

	it('403 names the missing scope from the contract', async () => {
		const e = await errorFor(apiError(403, 'forbidden', 'nope'), 'create');
		expect(e.message).toMatch(/lacks the "links:write" permission to create links/);
	});

	it('404, 409 and 422 keep Linkkit’s words and fields', async () => {
		expect((await errorFor(apiError(404, 'not_found', 'No link lnk_abc'))).message).toMatch(/^No link lnk_abc — check the ID/);
		expect((await errorFor(apiError(409, 'conflict', 'The slug "sale" is taken on lnkk.it.'), 'create')).message).toBe(
			'Conflict: The slug "sale" is taken on lnkk.it.',
		);
		const e = await errorFor(
			apiError(422, 'validation_failed', 'Invalid', { details: [{ field: 'domain', message: 'not a domain of this account' }] }),
			'create',
		);
		expect(e.message).toBe('Linkkit rejected the input — domain: not a domain of this account.');
		expect(e.field).toBe('domain');
	});

	it('5xx messages carry Linkkit’s message and the request id', async () => {
		const e = await errorFor(apiError(503, 'service_unavailable', 'Maintenance'));
		expect(e.message).toMatch(/temporarily unavailable \(HTTP 503\): Maintenance\. .*request id req_err456/);
		expect(e.description).toBe('HTTP 503 · code service_unavailable · request id req_err456 · GET /v1/links/{id}');
	});

	it('a JSON 200 that is not JSON is reported, not returned', async () => {
		const e = await errorFor({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>login</html>' });
		expect(e.code).toBe('invalid_response');
		expect(e.message).toMatch(/not JSON/);
	});
});
