import { collect, createLinkkitClient, LinkkitError, paginate, type Paged } from '../../core';
import { apiError, FakePort } from '../support/fake-port';

/** A page/limit list of `total` items; `shift` inserts that many new items at the top before page `atPage`. */
function list(total: number, shift?: { atPage: number; count: number }) {
	let items = Array.from({ length: total }, (_, i) => ({ id: `item-${total - i}` }));
	const calls: Array<{ page: number; limit: number }> = [];
	const fetchPage = async (page: number, limit: number): Promise<Paged<{ id: string }>> => {
		calls.push({ page, limit });
		if (shift && page === shift.atPage) items = [...Array.from({ length: shift.count }, (_, i) => ({ id: `new-${i}` })), ...items];
		return { data: items.slice((page - 1) * limit, page * limit), meta: { page, limit, total: items.length } };
	};
	return { calls, fetchPage };
}

describe('page/limit pagination', () => {
	it('return all walks every page once, stopping at the total', async () => {
		const { calls, fetchPage } = list(250);
		const items = await collect(paginate(fetchPage, { returnAll: true }));
		expect(items).toHaveLength(250);
		expect(calls).toEqual([
			{ page: 1, limit: 100 },
			{ page: 2, limit: 100 },
			{ page: 3, limit: 100 },
		]);
	});

	it('stops without an extra request when the total is a multiple of the page', async () => {
		const { calls, fetchPage } = list(200);
		await collect(paginate(fetchPage, { returnAll: true }));
		expect(calls).toHaveLength(2);
	});

	it('a limit keeps one page size throughout (offsets depend on it) and stops when enough came', async () => {
		const small = list(1000);
		expect(await collect(paginate(small.fetchPage, { limit: 30 }))).toHaveLength(30);
		expect(small.calls).toEqual([{ page: 1, limit: 30 }]);
		const large = list(1000);
		expect(await collect(paginate(large.fetchPage, { limit: 130 }))).toHaveLength(130);
		expect(large.calls).toEqual([
			{ page: 1, limit: 100 },
			{ page: 2, limit: 100 },
		]);
	});

	it('drops the repeats a list shifted by new items would give', async () => {
		const { fetchPage } = list(150, { atPage: 2, count: 3 });
		const items = await collect(paginate(fetchPage, { returnAll: true }));
		expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
		expect(items.map((i) => i.id)).toContain('item-1');
	});

	it('stops at the page safety limit with a clear message', async () => {
		const endless = async (page: number, limit: number) => ({ data: Array.from({ length: limit }, (_, i) => ({ id: `${page}-${i}` })) });
		await expect(collect(paginate(endless, { returnAll: true, maxPages: 3 }))).rejects.toThrow(/Stopped after 3 pages/);
	});
});

describe("Linkkit's errors become messages people can act on", () => {
	const client = (port: FakePort) => createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com', retry: { pacing: false } });
	const failure = async (promise: Promise<unknown>) => {
		try {
			await promise;
		} catch (error) {
			expect(error).toBeInstanceOf(LinkkitError);
			return error as LinkkitError;
		}
		throw new Error('expected a failure');
	};

	it.each([
		[400, 'custom_domain is not a verified domain of this workspace', 'bad_request', /refused the request: custom_domain is not a verified domain/],
		[401, 'Unauthorized', 'unauthorized', /API key missing or incorrect — generate one in Linkkit under Settings → API Keys/],
		[403, 'Plan limit reached', 'forbidden', /does not allow this API key to read links: Plan limit reached\. Your Linkkit plan's limit is reached/],
		[404, 'Link not found', 'not_found', /^Link not found — check the short code/],
		[409, 'short_code already taken', 'conflict', /Conflict: short_code already taken/],
		[422, 'URL failed safety checks', 'unprocessable', /failed Linkkit's safety checks/],
	])('%i keeps the status and Linkkit\'s message', async (status, message, code, wording) => {
		const port = new FakePort([apiError(status, message)]);
		const error = await failure(client(port).links.get('abc123'));
		expect(error.status).toBe(status);
		expect(error.code).toBe(code);
		expect(error.apiMessage).toBe(message);
		expect(error.message).toMatch(wording);
		expect(error.operation).toBe('GET /v1/links/{shortCode}');
	});

	it('a 401 from recording a lead names the publishable key, not the API key', async () => {
		const port = new FakePort([apiError(401, 'Invalid publishable key')]);
		const tracking = createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com', publishableKey: 'pk_test_wrong', retry: { pacing: false } });
		const error = await failure(tracking.conversions.trackLead({ customer_external_id: 'cus_1' }));
		expect(error.status).toBe(401);
		expect(error.message).toMatch(/refused the publishable key \(Invalid publishable key\)/);
		expect(error.message).not.toContain('pk_test_wrong');
	});

	it('an HTML page from a proxy is named as such, not parsed', async () => {
		const page = { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad gateway</html>' };
		const port = new FakePort([page]);
		const once = createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com', retry: { pacing: false, maxRetries: 0 } });
		const error = await failure(once.links.delete('abc123'));
		expect(error.message).toMatch(/HTML page instead of JSON \(HTTP 502\)/);
		// A DELETE whose 502 may have been the gateway after Linkkit deleted: its outcome is not known.
		expect(error.outcomeUnknown).toBe(true);
	});
});
