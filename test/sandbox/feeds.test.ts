/**
 * /feeds/links.csv and /feeds/clicks.csv (A29): the key as `api_key` or in the usual headers (the connectors send
 * the header and no api_key), the documented columns, RFC 4180 quoting, rows newest first, the documented errors.
 */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { allPages, get, put, type Click, type Link } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

/** A small RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted && char === '"' && text[i + 1] === '"') {
			field += '"';
			i++;
		} else if (char === '"') {
			quoted = !quoted;
		} else if (!quoted && char === ',') {
			row.push(field);
			field = '';
		} else if (!quoted && char === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else {
			field += char;
		}
	}
	return rows;
}

const LINK_HEADER = ['Short Code', 'Original URL', 'Title', 'Active', 'Custom Domain', 'Expires At', 'Notes', 'List ID', 'Created At', 'Updated At'];
const CLICK_HEADER = ['Short Code', 'Clicked At', 'Country', 'City', 'Device', 'Browser', 'OS', 'Referer'];

describe('/feeds/links.csv', () => {
	it('serves every link newest first with the documented columns, with the key in a header and no api_key', async () => {
		for (const via of ['bearer', 'x-api-key'] as const) {
			const reply = await get(sandbox, '/feeds/links.csv', { via });
			expect(reply.status).toBe(200);
			expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			const rows = parseCsv(reply.text);
			expect(rows[0]).toEqual(LINK_HEADER);
			const links = await allPages<Link>(sandbox, '/v1/links');
			expect(rows.slice(1)).toEqual(
				links.map((l) => [l.short_code, l.original_url, l.title ?? '', String(l.is_active), l.custom_domain ?? '', l.expire_at ?? '', l.notes ?? '', l.list_id ?? '', l.created_at, l.updated_at]),
			);
		}
	});

	it('takes the key as ?api_key= (Excel "From Web"), and never records or logs it', async () => {
		const reply = await get(sandbox, `/feeds/links.csv?api_key=${sandbox.apiKey}`, { key: null });
		expect(reply.status).toBe(200);
		expect(parseCsv(reply.text)).toHaveLength(61);
		const records = sandbox.stats.list().filter((record) => record.url.startsWith('/feeds/'));
		expect(records.map((record) => record.url)).toContain('/feeds/links.csv?api_key=***');
		expect(JSON.stringify(sandbox.stats.list())).not.toContain(sandbox.apiKey);
	});

	it('quotes commas, quotes and line breaks, and applies search, list_id and is_active', async () => {
		await put(sandbox, '/v1/links/csv-quote', { original_url: 'https://example.com/q?a=1,2', title: 'Say "hi", now', notes: 'line one\nline two', is_active: false });
		const reply = await get(sandbox, '/feeds/links.csv?search=say%20%22hi%22&is_active=false');
		expect(reply.text.startsWith(`${LINK_HEADER.join(',')}\r\n`)).toBe(true);
		const rows = parseCsv(reply.text);
		expect(rows).toHaveLength(2);
		expect(rows[1].slice(0, 4)).toEqual(['csv-quote', 'https://example.com/q?a=1,2', 'Say "hi", now', 'false']);
		expect(rows[1][6]).toBe('line one\nline two');
		expect(reply.text).toContain('"Say ""hi"", now"');
		// search reads URL and title, not the code.
		expect(parseCsv((await get(sandbox, '/feeds/links.csv?search=csv-quote')).text)).toHaveLength(1);
		const inList = (await allPages<Link>(sandbox, '/v1/links')).filter((link) => link.list_id);
		const listId = inList[0].list_id!;
		const listed = parseCsv((await get(sandbox, `/feeds/links.csv?list_id=${listId}`)).text).slice(1);
		expect(listed.map((row) => row[0])).toEqual(inList.filter((link) => link.list_id === listId).map((link) => link.short_code));
	});

	it('answers 401 without a key or with a wrong one, in any place', async () => {
		expect(await get(sandbox, '/feeds/links.csv', { key: null })).toMatchObject({ status: 401, body: { error: expect.any(String) } });
		expect((await get(sandbox, '/feeds/links.csv?api_key=lk_test_wrong', { key: null })).status).toBe(401);
		expect((await get(sandbox, '/feeds/links.csv', { key: 'lk_test_wrong', via: 'x-api-key' })).status).toBe(401);
	});
});

describe('/feeds/clicks.csv', () => {
	it('serves a link\'s clicks newest first with the documented columns, within from..to', async () => {
		await put(sandbox, '/v1/links/csv-clicks', { original_url: 'https://example.com/c' });
		await fetch(`${sandbox.url}/csv-clicks`, { redirect: 'manual', headers: { 'x-sandbox-country': 'FR', 'x-sandbox-city': 'Paris, 11e', referer: 'https://news.example/' } });
		sandbox.injectClicks('csv-clicks', 5, { spreadMs: 60_000 });
		const reply = await get(sandbox, '/feeds/clicks.csv?short_code=csv-clicks');
		expect(reply.status).toBe(200);
		const rows = parseCsv(reply.text);
		expect(rows[0]).toEqual(CLICK_HEADER);
		const clicks = await allPages<Click>(sandbox, '/v1/analytics/links/csv-clicks');
		expect(rows.slice(1)).toEqual(clicks.map((c) => ['csv-clicks', c.clicked_at, c.country ?? '', c.city ?? '', c.device ?? '', c.browser ?? '', c.os ?? '', c.referer ?? '']));
		expect(rows.some((row) => row[3] === 'Paris, 11e')).toBe(true);
		const from = clicks[3].clicked_at;
		expect(parseCsv((await get(sandbox, `/feeds/clicks.csv?short_code=csv-clicks&from=${from}`)).text)).toHaveLength(1 + 4);
	});

	it('answers 400 without short_code, 404 for an unknown or foreign code, 401 without a key', async () => {
		expect(await get(sandbox, '/feeds/clicks.csv')).toMatchObject({ status: 400, body: { error: 'short_code is required' } });
		expect(await get(sandbox, '/feeds/clicks.csv?short_code=nope00')).toMatchObject({ status: 404, body: { error: 'Link not found' } });
		expect((await get(sandbox, `/feeds/clicks.csv?short_code=${sandbox.foreignCodes[0]}`)).status).toBe(404);
		expect((await get(sandbox, '/feeds/clicks.csv?short_code=nope00', { key: null })).status).toBe(401);
	});
});
