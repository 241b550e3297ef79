/**
 * The trigger rule on plain data (core/polling): a fake list API that sorts like Linkkit, shows each item only after
 * its visibility lag, pages with keyset cursors, and counts requests. Every item must come out exactly once, oldest
 * first, with one position of state, and a burst must make progress without reading the same pages twice.
 */
import { comparePositions, pollSince, SETTLE_MS, START_OF_TIME, type FeedState, type PollFeed, type Stamped } from '../../core/polling';
import type { Page } from '../../core/pagination';
import { LinkkitError } from '../../core';

interface Item {
	id: string;
	at: string;
	/** When lists start to show it (ms). */
	visibleAt: number;
}

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

class FakeList {
	readonly items: Item[] = [];
	clock = T0;
	requests: Array<{ from: string; cursor?: string; limit: number }> = [];
	/** Answer a Date header (whole seconds) like Linkkit; off simulates a proxy that drops it. */
	sendsDate = true;
	readonly refusedCursors = new Set<string>();

	add(id: string, atMs: number, lagMs = 0): void {
		this.items.push({ id, at: iso(atMs), visibleAt: atMs + lagMs });
	}

	feed(keep?: (item: Item) => boolean): PollFeed<Item> {
		return {
			stamp: (item) => ({ id: item.id, at: item.at }),
			keep,
			since: async (from, cursor, limit) => this.since(from, cursor, limit),
			serverNow: () => (this.sendsDate ? Math.floor(this.clock / 1000) * 1000 : undefined),
			now: () => this.clock,
		};
	}

	private async since(from: string, cursor: string | undefined, limit: number): Promise<Page<Item>> {
		this.requests.push({ from, cursor, limit });
		if (cursor && this.refusedCursors.has(cursor)) throw new LinkkitError({ code: 'validation_failed', status: 400, message: 'bad cursor' });
		const after: Stamped | undefined = cursor ? JSON.parse(cursor) : undefined;
		const visible = this.items
			.filter((item) => item.visibleAt <= this.clock && Date.parse(item.at) >= Date.parse(from))
			.filter((item) => !after || comparePositions(item, after) > 0)
			.sort(comparePositions);
		const data = visible.slice(0, limit);
		const last = data[data.length - 1];
		return { data, nextCursor: visible.length > limit ? JSON.stringify({ at: last.at, id: last.id }) : null };
	}
}

const ids = (items: Item[]) => items.map((item) => item.id);
const pad = (n: number) => String(n).padStart(6, '0');

describe('pollSince', () => {
	test('a poll with nothing new costs one request and keeps the position', async () => {
		const list = new FakeList();
		list.add('a', T0 - 60_000);
		const state: FeedState = { position: { at: iso(T0 - 60_000), id: 'a' } };
		const result = await pollSince(list.feed(), state);
		expect(result).toEqual({ items: [], state, more: false });
		expect(list.requests).toHaveLength(1);
	});

	test('items at the same instant as the position but after it in id order come out once', async () => {
		const list = new FakeList();
		for (const id of ['b', 'a', 'c']) list.add(id, T0 - 60_000);
		const first = await pollSince(list.feed(), { position: { at: iso(T0 - 60_000), id: 'a' } });
		expect(ids(first.items)).toEqual(['b', 'c']);
		expect((await pollSince(list.feed(), first.state)).items).toEqual([]);
	});

	test(`hands on only items at least ${SETTLE_MS / 1000} s older than Linkkit's clock, the rest on a later poll`, async () => {
		const list = new FakeList();
		list.add('old', T0 - 30_000);
		list.add('fresh', T0 - 2_000);
		const first = await pollSince(list.feed(), { position: START_OF_TIME });
		expect(ids(first.items)).toEqual(['old']);
		expect(first.state).toEqual({ position: { at: iso(T0 - 30_000), id: 'old' } });
		list.clock += 60_000;
		expect(ids((await pollSince(list.feed(), first.state)).items)).toEqual(['fresh']);
	});

	test("without a Date header the local clock sets the horizon", async () => {
		const list = new FakeList();
		list.sendsDate = false;
		list.add('x', T0 - SETTLE_MS - 1);
		list.add('y', T0 - SETTLE_MS + 1);
		expect(ids((await pollSince(list.feed(), { position: START_OF_TIME })).items)).toEqual(['x']);
	});

	test('steady inserts with visibility lag up to 10 s, polled every minute: every item exactly once, oldest first', async () => {
		const list = new FakeList();
		let random = 7;
		const next = () => ((random = (random * 16807) % 2147483647) / 2147483647);
		let state: FeedState = { position: { at: iso(T0), id: '' } };
		const seen: string[] = [];
		for (let minute = 0; minute < 30; minute++) {
			// 40 inserts spread over the minute before the poll, each visible up to 10 s late.
			for (let i = 0; i < 40; i++) list.add(`i${pad(minute * 40 + i)}`, list.clock + Math.floor(next() * 60_000), Math.floor(next() * 10_001));
			list.clock += 60_000;
			const result = await pollSince(list.feed(), state);
			seen.push(...ids(result.items));
			state = result.state;
			// One position (and at most one cursor): the same few bytes after 30 minutes as after one.
			expect(JSON.stringify(state).length).toBeLessThan(300);
		}
		list.clock += 60_000;
		seen.push(...ids((await pollSince(list.feed(), state)).items));
		const expected = [...list.items].sort(comparePositions).map((item) => item.id);
		expect(seen).toEqual(expected);
	});

	test('a burst larger than a chunk is handed on in chunks; each poll continues where the last stopped', async () => {
		const list = new FakeList();
		for (let i = 0; i < 2_500; i++) list.add(`c${pad(i)}`, T0 - 600_000 + i * 10);
		let state: FeedState = { position: START_OF_TIME };
		const seen: string[] = [];
		const perPoll: Array<{ items: number; requests: number }> = [];
		for (let poll = 0; poll < 4; poll++) {
			list.requests = [];
			const result = await pollSince(list.feed(), state);
			seen.push(...ids(result.items));
			perPoll.push({ items: result.items.length, requests: list.requests.length });
			state = result.state;
		}
		expect(perPoll).toEqual([
			{ items: 1_020, requests: 11 },
			{ items: 1_000, requests: 10 },
			{ items: 480, requests: 5 },
			// Only the last page is read again, to continue after it.
			{ items: 0, requests: 1 },
		]);
		expect(seen).toEqual(list.items.map((item) => item.id));
	});

	test('thousands of items at one instant still make progress without reading the same pages again', async () => {
		const list = new FakeList();
		for (let i = 0; i < 3_000; i++) list.add(`s${pad(i)}`, T0 - 600_000);
		let state: FeedState = { position: START_OF_TIME };
		const seen: string[] = [];
		let requests = 0;
		for (let poll = 0; poll < 4; poll++) {
			list.requests = [];
			const result = await pollSince(list.feed(), state);
			requests += list.requests.length;
			seen.push(...ids(result.items));
			state = result.state;
		}
		expect(new Set(seen).size).toBe(3_000);
		expect(seen).toHaveLength(3_000);
		// 3 000 items in pages of 20 + 100 …: 31 pages, and one request to find nothing new.
		expect(requests).toBe(32);
	});

	test('items the feed does not keep still move the position, and the request limit saves progress', async () => {
		const list = new FakeList();
		for (let i = 0; i < 5_000; i++) list.add(`n${pad(i)}`, T0 - 600_000 + i);
		list.add('wanted', T0 - 100_000);
		const feed = list.feed((item) => item.id === 'wanted');
		const first = await pollSince(feed, { position: START_OF_TIME });
		expect(first.items).toEqual([]);
		expect(first.more).toBe(true);
		expect(first.state.resume).toBeDefined();
		let state = first.state;
		const found: string[] = [];
		for (let poll = 0; poll < 3; poll++) {
			const result = await pollSince(feed, state);
			found.push(...ids(result.items));
			state = result.state;
		}
		expect(found).toEqual(['wanted']);
	});

	test('a saved cursor Linkkit refuses makes the poll start again from the position', async () => {
		const list = new FakeList();
		for (let i = 0; i < 1_200; i++) list.add(`r${pad(i)}`, T0 - 600_000 + i);
		const first = await pollSince(list.feed(), { position: START_OF_TIME });
		expect(first.items).toHaveLength(1_020);
		list.refusedCursors.add(String(first.state.resume?.cursor));
		list.requests = [];
		const second = await pollSince(list.feed(), first.state);
		expect(ids(second.items)).toEqual(list.items.slice(1_020).map((item) => item.id));
		expect(list.requests[1]).toEqual({ from: first.state.position.at, cursor: undefined, limit: 20 });
	});
});
