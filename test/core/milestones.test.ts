/**
 * Click Milestone (core/milestones): a link's count is `meta.total` of its click list asked for one item; the first
 * poll records the links already at or past the milestone as history; later polls fire each link once, oldest link
 * first, and stop counting links that reached it; links that leave the segment are forgotten. Through a fake port
 * that answers like Linkkit, so the requests a poll costs are counted too.
 */

import { createLinkkitClient, LinkkitError, markMilestone, milestoneSample, milestoneSource, pollMilestone, readMilestone, type HttpRequest, type HttpResponse, type LinkkitPort } from '../../core';

const SEGMENT = '3f6c1a9e-8b2d-4c71-9e0a-5d4b7f2c1e88';
const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);

interface FakeLink {
	id: string;
	short_code: string;
	created_at: string;
	clicks: number;
	list_id: string | null;
}

/** Linkkit's link list, one link, and a link's clicks (only the total matters here), with every request recorded. */
class FakeLinkkit implements LinkkitPort {
	readonly links: FakeLink[] = [];
	readonly requests: string[] = [];

	add(code: string, clicks = 0, listId: string | null = SEGMENT): FakeLink {
		const n = this.links.length;
		const link = { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, short_code: code, created_at: new Date(T0 + n * 1000).toISOString(), clicks, list_id: listId };
		this.links.push(link);
		return link;
	}

	private body(link: FakeLink) {
		return { id: link.id, short_code: link.short_code, original_url: `https://example.com/${link.short_code}`, created_at: link.created_at, updated_at: link.created_at, list_id: link.list_id, custom_domain: null };
	}

	async send(request: HttpRequest): Promise<HttpResponse> {
		const url = new URL(request.url);
		this.requests.push(`${url.pathname}${url.search}`);
		const ok = (body: unknown): HttpResponse => ({ status: 200, headers: { 'content-type': 'application/json', date: new Date(T0).toUTCString() }, body });
		const page = Number(url.searchParams.get('page') ?? 1);
		const limit = Number(url.searchParams.get('limit') ?? 20);
		let match = /^\/v1\/analytics\/links\/([^/]+)$/.exec(url.pathname);
		if (match) {
			const link = this.links.find((candidate) => candidate.short_code === match![1]);
			if (!link) return { status: 404, headers: {}, body: { error: 'Link not found' } };
			return ok({ data: link.clicks ? [{ id: 'c', clicked_at: link.created_at }] : [], meta: { page, limit, total: link.clicks } });
		}
		match = /^\/v1\/links\/([^/]+)$/.exec(url.pathname);
		if (match) {
			const link = this.links.find((candidate) => candidate.short_code === match![1]);
			return link ? ok(this.body(link)) : { status: 404, headers: {}, body: { error: 'Link not found' } };
		}
		if (url.pathname === '/v1/links') {
			const listId = url.searchParams.get('list_id');
			const newestFirst = this.links.filter((link) => !listId || link.list_id === listId).reverse();
			return ok({ data: newestFirst.slice((page - 1) * limit, page * limit).map((link) => this.body(link)), meta: { page, limit, total: newestFirst.length } });
		}
		return { status: 404, headers: {}, body: { error: 'Not found' } };
	}

	/** A fake clock: the pacer's waits pass at once. */
	clock = T0;
	now = () => this.clock;

	async sleep(ms: number): Promise<void> {
		this.clock += ms;
	}
}

function setup() {
	const linkkit = new FakeLinkkit();
	const client = createLinkkitClient(linkkit, { baseUrl: 'https://api.uselinkkit.test' });
	return { linkkit, client };
}

describe('readMilestone', () => {
	test('accepts whole numbers of 1 or more, given as numbers or text', () => {
		expect(readMilestone(1000)).toBe(1000);
		expect(readMilestone('25')).toBe(25);
	});

	test.each([0, -3, 2.5, 'lots', '', undefined])('refuses %p, naming the milestone field', (value) => {
		expect(() => readMilestone(value)).toThrow(LinkkitError);
		try {
			readMilestone(value);
		} catch (error) {
			expect((error as LinkkitError).field).toBe('milestone');
		}
	});
});

test('one link: a count is one request for one click; it fires once, with the link, the milestone and the clicks', async () => {
	const { linkkit, client } = setup();
	linkkit.add('promo1', 3, null);
	const source = milestoneSource(client, { link: 'https://uselinkkit.com/promo1' });
	let state = await markMilestone(source, 5);
	expect(state.reached).toEqual([]);
	expect(linkkit.requests).toEqual(['/v1/analytics/links/promo1?page=1&limit=1']);

	linkkit.links[0].clicks = 4;
	let poll = await pollMilestone(source, 5, state);
	expect(poll.items).toEqual([]);
	linkkit.links[0].clicks = 7;
	poll = await pollMilestone(source, 5, (state = poll.state));
	expect(poll.items).toEqual([expect.objectContaining({ short_code: 'promo1', short_url: 'https://uselinkkit.com/promo1', milestone: 5, clicks: 7 })]);
	state = poll.state;
	// Once reached, the link is not counted again: no request at all.
	linkkit.requests.length = 0;
	linkkit.links[0].clicks = 50;
	expect((await pollMilestone(source, 5, state)).items).toEqual([]);
	expect(linkkit.requests).toEqual([]);
});

test('a segment: links already past the milestone are history; each link fires once, oldest first; one count per link below it', async () => {
	const { linkkit, client } = setup();
	const links = Array.from({ length: 250 }, (_, i) => linkkit.add(`code${i}`, i === 7 ? 100 : 0));
	linkkit.add('elsewhere', 500, null);
	const source = milestoneSource(client, { segmentId: SEGMENT });
	let state = await markMilestone(source, 10);
	expect(state.reached).toEqual([links[7].id]);

	links[200].clicks = 12;
	links[3].clicks = 10;
	links[7].clicks = 300;
	linkkit.requests.length = 0;
	const poll = await pollMilestone(source, 10, state);
	expect(poll.items.map((item) => [item.short_code, item.clicks, item.milestone])).toEqual([
		['code3', 10, 10],
		['code200', 12, 10],
	]);
	// The segment's 3 pages of links, and one count for each of the 249 links still below the milestone.
	expect(linkkit.requests.filter((path) => path.startsWith('/v1/links?'))).toHaveLength(3);
	expect(linkkit.requests.filter((path) => path.startsWith('/v1/analytics/'))).toHaveLength(249);
	state = poll.state;
	expect((await pollMilestone(source, 10, state)).items).toEqual([]);

	// A link that leaves the segment is forgotten: the state is never larger than the segment.
	links[3].list_id = null;
	const after = await pollMilestone(source, 10, state);
	expect(after.state.reached.sort()).toEqual([links[7].id, links[200].id].sort());
});

test('Fetch Test Event: the watched link with the most clicks, shaped like an event', async () => {
	const { linkkit, client } = setup();
	linkkit.add('a', 2);
	linkkit.add('b', 9);
	linkkit.add('c', 4);
	expect(await milestoneSample(milestoneSource(client, { segmentId: SEGMENT }), 100)).toMatchObject({ short_code: 'b', clicks: 9, milestone: 100 });
	expect(await milestoneSample(milestoneSource(client, { segmentId: '5b0e5c57-24f5-4f7e-9d84-2c6f0f4c9a10' }), 100)).toBeUndefined();
});

test('a link and a segment together, or neither, are refused with the field to fix', () => {
	const { client } = setup();
	expect(() => milestoneSource(client, { link: 'abc123', segmentId: SEGMENT })).toThrow(/not both/);
	expect(() => milestoneSource(client, {})).toThrow(/choose the link/);
});
