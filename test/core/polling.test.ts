/**
 * The rules every polling walk shares (core/polling.ts) and the walk down a moving list (core/polling-walk.ts): marks
 * with the ids of one instant, chunks that never split an instant, the settle horizon on Linkkit's clock, and a walk
 * that drops repeats when items are added above it and reads pages again when items are deleted above it.
 */

import { firstMark, isAfterMark, markAtLeast, oldestChunk, settleHorizon, SETTLE_MS, walkDown, type Stamped } from '../../core';
import { SimulatedList, type SimRecord } from './polling-simulated-list';

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe('marks', () => {
	const mark = { at: iso(T0), ids: ['b'] };

	test('an item is after the mark when later, or in its millisecond and not named by it', () => {
		expect(isAfterMark(mark, { id: 'x', at: iso(T0 - 1) })).toBe(false);
		expect(isAfterMark(mark, { id: 'b', at: iso(T0) })).toBe(false);
		expect(isAfterMark(mark, { id: 'a', at: iso(T0) })).toBe(true);
		// Finer digits than milliseconds belong to the millisecond.
		expect(isAfterMark(mark, { id: 'b', at: `${iso(T0).slice(0, -1)}999Z` })).toBe(false);
		expect(isAfterMark(mark, { id: 'x', at: iso(T0 + 1) })).toBe(true);
	});

	test('a mark never moves back, and moving it forgets the ids of the old instant', () => {
		expect(markAtLeast(mark, T0 - 5)).toBe(mark);
		expect(markAtLeast(mark, T0 + 5)).toEqual({ at: iso(T0 + 5), ids: [] });
	});

	test('the first mark is the later of the settle horizon and just after the newest item', () => {
		expect(firstMark(T0, { id: 'n', at: iso(T0 - 60_000) })).toEqual({ at: iso(T0), ids: [] });
		expect(firstMark(T0, { id: 'n', at: iso(T0 + 3_000) })).toEqual({ at: iso(T0 + 3_001), ids: [] });
		expect(firstMark(T0, undefined)).toEqual({ at: iso(T0), ids: [] });
	});

	test(`the horizon is ${SETTLE_MS / 1000} s before Linkkit's clock, or the local one before any Date was seen`, () => {
		expect(settleHorizon({ serverNow: () => T0, now: () => T0 + 90_000 }, SETTLE_MS)).toBe(T0 - SETTLE_MS);
		expect(settleHorizon({ serverNow: () => undefined, now: () => T0 }, SETTLE_MS)).toBe(T0 - SETTLE_MS);
	});

	test('an unreadable timestamp is an error, not an item silently skipped', () => {
		expect(() => isAfterMark(mark, { id: 'x', at: 'yesterday' })).toThrow(/not a date/);
	});
});

describe('chunks', () => {
	const entries = (...ms: number[]): Array<Stamped<string>> => ms.map((at, rank) => ({ item: `i${rank}`, ms: at, id: `i${rank}`, rank }));

	test('the oldest items up to the limit, oldest first, ties in list order', () => {
		const result = oldestChunk(entries(30, 10, 20, 10), 10);
		expect(result.chunk.map((entry) => entry.item)).toEqual(['i1', 'i3', 'i2', 'i0']);
		expect(result.cut).toBe(false);
	});

	test('a chunk is extended to the end of its last instant, and says where it ends', () => {
		const result = oldestChunk(entries(1, 2, 2, 2, 3, 4), 2);
		expect(result.chunk.map((entry) => entry.ms)).toEqual([1, 2, 2, 2]);
		expect(result).toMatchObject({ cut: true, endMs: 3 });
	});
});

describe('walking down a list that moves', () => {
	function listOf(count: number): SimulatedList {
		const list = new SimulatedList(T0);
		for (let i = 0; i < count; i++) list.add(`i${String(i).padStart(3, '0')}`, T0 - 100_000 + i);
		return list;
	}
	const walk = (list: SimulatedList, stopAt?: (item: SimRecord) => boolean) =>
		walkDown({ read: async (page, limit) => list.read(page, limit), idOf: (item) => item.id, limit: 10, startPage: 1, maxPages: 100, stopAt });

	test('reads every page once when nothing moves, and stops at the stop item', async () => {
		const list = listOf(95);
		const all = await walk(list);
		expect(all.items.size).toBe(95);
		expect(all.requests).toBe(10);
		expect(all.complete).toBe(true);
		const stopped = await walk(list, (item) => item.id === 'i050');
		expect(stopped.requests).toBe(5);
		expect(stopped.stoppedAt?.id).toBe('i050');
	});

	test('items added at the top between pages only repeat items, which are dropped', async () => {
		const list = listOf(95);
		list.beforeRead = (_read, index) => {
			if (index > 0) for (let i = 0; i < 3; i++) list.add(`new${index}-${i}`, T0 + index * 10 + i);
		};
		const result = await walk(list, (item) => item.id === 'i000');
		for (let i = 0; i < 95; i++) expect(result.items.has(`i${String(i).padStart(3, '0')}`)).toBe(true);
	});

	test('items deleted above the read position between pages: the pages they slid to are read again', async () => {
		const list = listOf(95);
		list.beforeRead = (read, index) => {
			// Before page 4: delete 12 items already read (from page 1 and 2).
			if (index === 3) for (let i = 80; i < 92; i++) list.remove(`i${String(i).padStart(3, '0')}`);
			void read;
		};
		const result = await walk(list);
		const missing = Array.from({ length: 80 }, (_, i) => `i${String(i).padStart(3, '0')}`).filter((id) => !result.items.has(id));
		expect(missing).toEqual([]);
		// Without the second look, 12 items would have slid past: pages 2 and 3 were read again.
		expect(list.reads.map((read) => read.page)).toEqual([1, 2, 3, 4, 2, 3, 4, 5, 6, 7, 8, 9]);
	});

	test('a walk that runs out of requests says it is not complete', async () => {
		const list = listOf(95);
		const result = await walkDown({ read: async (page, limit) => list.read(page, limit), idOf: (item) => item.id, limit: 10, startPage: 1, maxPages: 3 });
		expect(result).toMatchObject({ complete: false, requests: 3 });
	});
});
