/** The trigger's "what is new" rule, on plain data: same-instant items, ordering, paging cost. */

import { advance, collectSince, EMPTY_MARK, markFromNewest, strictAfterForMark, type HighWaterMark } from '../../core/polling';
import type { Page } from '../../core/pagination';

interface Item {
	id: string;
	createdAt: string;
}
const stamp = (item: Item) => ({ id: item.id, at: item.createdAt });
const item = (id: string, createdAt: string): Item => ({ id, createdAt });
const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-01-01T10:00:01.000Z';
const T3 = '2026-01-01T10:00:02.000Z';

describe('advance', () => {
	test('an item created in the same instant as the mark, but not seen yet, is emitted once', () => {
		const mark: HighWaterMark = { at: T1, ids: ['lnk_a'] };
		// The API returns everything at or after the mark (newest first): a is old news, b is new.
		const first = advance(mark, [item('lnk_b', T1), item('lnk_a', T1)], stamp);
		expect(first.fresh.map((i) => i.id)).toEqual(['lnk_b']);
		expect(first.mark).toEqual({ at: T1, ids: ['lnk_a', 'lnk_b'] });

		const second = advance(first.mark, [item('lnk_b', T1), item('lnk_a', T1)], stamp);
		expect(second.fresh).toEqual([]);
		expect(second.mark).toEqual(first.mark);
	});

	test('new items come out oldest first and the mark holds only the IDs at the newest instant', () => {
		const newestFirst = [item('lnk_e', T3), item('lnk_d', T3), item('lnk_c', T2), item('lnk_a', T1)];
		const { fresh, mark } = advance({ at: T1, ids: ['lnk_a'] }, newestFirst, stamp);
		expect(fresh.map((i) => i.id)).toEqual(['lnk_c', 'lnk_d', 'lnk_e']);
		expect(mark).toEqual({ at: T3, ids: ['lnk_d', 'lnk_e'] });
	});

	test('nothing returned keeps the mark', () => {
		const mark = { at: T2, ids: ['lnk_x'] };
		expect(advance(mark, [], stamp)).toEqual({ fresh: [], mark });
	});

	test('timestamps compare as instants, not strings', () => {
		const mark = { at: '2026-01-01T10:00:00Z', ids: ['lnk_a'] };
		const { fresh } = advance(mark, [item('lnk_a', '2026-01-01T10:00:00.000Z')], stamp);
		expect(fresh).toEqual([]);
	});
});

describe('marks', () => {
	test('the first activation records every item at the newest instant as history', () => {
		const mark = markFromNewest([item('lnk_b', T2), item('lnk_a', T2), item('lnk_0', T1)], stamp);
		expect(mark).toEqual({ at: T2, ids: ['lnk_a', 'lnk_b'] });
	});

	test('an empty account gives a mark before every item', () => {
		expect(markFromNewest([], stamp)).toEqual(EMPTY_MARK);
		expect(advance(EMPTY_MARK, [item('lnk_a', T1)], stamp).fresh).toHaveLength(1);
	});

	test('the strict "after" parameter sits 1 ms before the mark so the mark instant is asked for again', () => {
		expect(strictAfterForMark({ at: T2, ids: [] })).toBe('2026-01-01T10:00:00.999Z');
	});
});

describe('collectSince', () => {
	function pages(total: number) {
		const calls: { cursor?: string; limit: number }[] = [];
		const all = Array.from({ length: total }, (_, i) => item(`lnk_${String(i).padStart(4, '0')}`, T1));
		const fetchPage = async (cursor: string | undefined, limit: number): Promise<Page<Item>> => {
			calls.push({ cursor, limit });
			const start = cursor ? Number(cursor) : 0;
			const data = all.slice(start, start + limit);
			return { data, nextCursor: start + limit < total ? String(start + limit) : null };
		};
		return { calls, fetchPage };
	}

	test('a poll with nothing new costs one request', async () => {
		const { calls, fetchPage } = pages(0);
		expect(await collectSince(fetchPage)).toEqual([]);
		expect(calls).toEqual([{ cursor: undefined, limit: 20 }]);
	});

	test('a burst is paged through completely, small first page then full pages', async () => {
		const { calls, fetchPage } = pages(250);
		const items = await collectSince(fetchPage);
		expect(items).toHaveLength(250);
		expect(new Set(items.map((i) => i.id)).size).toBe(250);
		expect(calls.map((c) => c.limit)).toEqual([20, 100, 100, 100]);
	});

	test('a server that never stops handing out cursors is stopped with a clear error', async () => {
		const endless = async (): Promise<Page<Item>> => ({ data: [item('lnk_a', T1)], nextCursor: 'again' });
		await expect(collectSince(endless, { maxPages: 3 })).rejects.toThrow(/More than 3 pages/);
	});
});
