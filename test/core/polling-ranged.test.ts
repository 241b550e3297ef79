/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * core/polling-ranged on a simulated list with `from`/`to` (a link's clicks, conversions): the first poll only marks;
 * each item comes out once, oldest first, once it is SETTLE_MS old by the list's clock; a burst goes out in chunks with
 * every page read once; items of one instant are neither dropped nor repeated, whatever their sub-millisecond digits.
 */

import { markRanged, pollRanged, SETTLE_MS, type RangedFeed, type RangedState } from '../../core';
import { seeded, SimulatedList, type SimRecord } from './polling-simulated-list';

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);

function feedOf(list: SimulatedList): RangedFeed<SimRecord> {
	return {
		read: async (range, page, limit) => list.read(page, limit, range),
		stamp: (record) => ({ id: record.id, at: record.created_at }),
		clock: list.pollClock,
	};
}

/** Polls like a platform: keeps the state, collects what comes out. */
class Trigger {
	state?: RangedState;
	readonly out: SimRecord[] = [];
	readonly requests: number[] = [];

	constructor(
		readonly list: SimulatedList,
		readonly limits: { maxItems?: number; pageSize?: number; maxPages?: number } = {},
	) {}

	async poll(): Promise<SimRecord[]> {
		const before = this.list.reads.length;
		let items: SimRecord[] = [];
		if (!this.state) this.state = await markRanged(feedOf(this.list), {}, this.limits);
		else {
			const result = await pollRanged(feedOf(this.list), this.state, this.limits);
			this.state = JSON.parse(JSON.stringify(result.state)) as RangedState;
			items = result.items;
		}
		this.out.push(...items);
		this.requests.push(this.list.reads.length - before);
		return items;
	}
}

const ids = (records: SimRecord[]) => records.map((record) => record.id);

test('the first poll records where things stand; history is never sent; a poll with nothing new costs one request', async () => {
	const list = new SimulatedList(T0);
	for (let i = 0; i < 250; i++) list.add(`old${i}`, T0 - 100_000 + i * 10);
	const trigger = new Trigger(list);
	expect(await trigger.poll()).toEqual([]);
	expect(trigger.requests).toEqual([1]);
	list.clock += 60_000;
	expect(await trigger.poll()).toEqual([]);
	expect(trigger.requests.at(-1)).toBe(1);
	expect(JSON.stringify(trigger.state).length).toBeLessThan(100);
});

test(`an item is handed on once it is ${SETTLE_MS / 1000} s old by the list's clock, not before`, async () => {
	const list = new SimulatedList(T0);
	const trigger = new Trigger(list);
	await trigger.poll();
	list.clock += 30_000;
	list.add('settled', list.clock - 20_000);
	list.add('fresh', list.clock - 3_000);
	expect(ids(await trigger.poll())).toEqual(['settled']);
	list.clock += 10_000;
	expect(ids(await trigger.poll())).toEqual(['fresh']);
	list.clock += 60_000;
	expect(await trigger.poll()).toEqual([]);
});

test('a list that shows items up to 10 s late loses none: each once, oldest first', async () => {
	const random = seeded(7);
	const list = new SimulatedList(T0);
	const trigger = new Trigger(list);
	await trigger.poll();
	const made: string[] = [];
	for (let step = 0; step < 200; step++) {
		list.clock += Math.floor(random() * 4_000);
		list.add(`c${String(step).padStart(3, '0')}`, list.clock, { lagMs: Math.floor(random() * 10_001) });
		made.push(`c${String(step).padStart(3, '0')}`);
		if (random() < 0.3) await trigger.poll();
	}
	list.clock += 60_000;
	await trigger.poll();
	expect(ids(trigger.out)).toEqual(made);
});

test('items at one instant are neither dropped nor repeated, across chunks and pages, with sub-millisecond digits', async () => {
	const list = new SimulatedList(T0);
	const trigger = new Trigger(list, { maxItems: 10, pageSize: 4 });
	await trigger.poll();
	const made: string[] = [];
	// 7 items in each of 6 instants, some of them differing below the millisecond.
	for (let instant = 0; instant < 6; instant++) {
		for (let i = 0; i < 7; i++) {
			const id = `i${instant}-${i}`;
			list.add(id, T0 + 1_000 + instant * 5, { micros: i % 3 === 0 ? 0 : i * 100 });
			made.push(id);
		}
	}
	list.clock += 60_000;
	while (trigger.out.length < made.length && trigger.requests.length < 30) await trigger.poll();
	expect([...ids(trigger.out)].sort()).toEqual([...made].sort());
	expect(new Set(ids(trigger.out)).size).toBe(made.length);
	const instants = trigger.out.map((record) => Date.parse(record.created_at));
	expect(instants).toEqual([...instants].sort((a, b) => a - b));
	expect(JSON.stringify(trigger.state).length).toBeLessThan(400);
});

test('a burst goes out in chunks of about maxItems, oldest first, every page of it read once', async () => {
	const list = new SimulatedList(T0);
	const trigger = new Trigger(list, { maxItems: 100, pageSize: 10 });
	await trigger.poll();
	const made: string[] = [];
	for (let i = 0; i < 1_000; i++) {
		const id = `b${String(i).padStart(4, '0')}`;
		list.add(id, T0 + 1_000 + Math.floor(i / 3));
		made.push(id);
	}
	list.clock += 60_000;
	const chunks: number[] = [];
	while (trigger.out.length < 1_000 && chunks.length < 20) chunks.push((await trigger.poll()).length);
	expect(ids(trigger.out)).toEqual(made);
	// Chunks end at page boundaries: 100 items, the first a page more (it starts with a part page).
	expect(Math.max(...chunks)).toBeLessThanOrEqual(110);
	expect(chunks.length).toBeLessThanOrEqual(11);
	// Each page of the frozen range was read once; the only other reads are each fresh look's page 1.
	const walkReads = list.reads.filter((read) => read.to !== undefined).map((read) => `${read.from}|${read.to}|${read.page}`);
	expect(new Set(walkReads).size).toBe(walkReads.length);
	expect(walkReads.length).toBeLessThanOrEqual(101);
	// The state while a burst is handed on: the mark, and where the frozen range's walk stands.
	expect(JSON.stringify(trigger.state).length).toBeLessThan(300);
	list.clock += 60_000;
	expect(await trigger.poll()).toEqual([]);
	expect(trigger.requests.at(-1)).toBe(1);
});

test('restart safety: a poll that fails keeps the last saved state, and the next poll hands on exactly the rest', async () => {
	const list = new SimulatedList(T0);
	const trigger = new Trigger(list, { maxItems: 20, pageSize: 10 });
	await trigger.poll();
	for (let i = 0; i < 95; i++) list.add(`r${String(i).padStart(3, '0')}`, T0 + 1_000 + i);
	list.clock += 60_000;
	await trigger.poll();
	const saved = JSON.stringify(trigger.state);
	// The next poll dies at its second request (n8n restarted): nothing of it was saved.
	const start = list.reads.length;
	list.beforeRead = (_read, index) => {
		if (index === start + 1) throw new Error('killed');
	};
	await expect(trigger.poll()).rejects.toThrow('killed');
	list.beforeRead = undefined;
	trigger.state = JSON.parse(saved) as RangedState;
	while (trigger.out.length < 95 && trigger.requests.length < 20) await trigger.poll();
	expect(ids(trigger.out)).toEqual(Array.from({ length: 95 }, (_, i) => `r${String(i).padStart(3, '0')}`));
});

test('a frozen range that changes under the walk (an item deleted) is dropped; nothing lost, nothing repeated', async () => {
	const list = new SimulatedList(T0);
	const trigger = new Trigger(list, { maxItems: 20, pageSize: 10 });
	await trigger.poll();
	for (let i = 0; i < 80; i++) list.add(`d${String(i).padStart(2, '0')}`, T0 + 1_000 + i);
	list.clock += 60_000;
	await trigger.poll();
	list.remove('d70');
	while (trigger.requests.length < 20) await trigger.poll();
	const expected = Array.from({ length: 80 }, (_, i) => `d${String(i).padStart(2, '0')}`).filter((id) => id !== 'd70');
	expect(ids(trigger.out)).toEqual(expected);
});

test('random bursts, lag, ties and page sizes: every item exactly once, in timestamp order', async () => {
	for (let seed = 1; seed <= Number(process.env.POLL_RUNS ?? 40); seed++) {
		const random = seeded(seed);
		const list = new SimulatedList(T0);
		const trigger = new Trigger(list, { maxItems: 5 + Math.floor(random() * 40), pageSize: 2 + Math.floor(random() * 9), maxPages: 4 + Math.floor(random() * 10) });
		await trigger.poll();
		const made: string[] = [];
		for (let step = 0; step < 120; step++) {
			list.clock += Math.floor(random() * 3_000);
			const burst = random() < 0.1 ? 30 : 1;
			for (let i = 0; i < burst; i++) {
				const id = `s${seed}-${step}-${i}`;
				// Many items share an instant; lists show them up to 10 s late.
				list.add(id, list.clock - Math.floor(random() * 3) * 7, { lagMs: Math.floor(random() * 10_001), micros: random() < 0.2 ? 1 + Math.floor(random() * 999) : 0 });
				made.push(id);
			}
			if (random() < 0.4) await trigger.poll();
		}
		list.clock += 120_000;
		for (let i = 0; i < 200 && trigger.out.length < made.length; i++) await trigger.poll();
		expect(new Set(ids(trigger.out)).size).toBe(trigger.out.length);
		expect([...ids(trigger.out)].sort()).toEqual([...made].filter((id) => list.items.get(id)!.created > T0 - SETTLE_MS).sort());
		const instants = trigger.out.map((record) => Date.parse(record.created_at));
		for (let i = 1; i < instants.length; i++) expect(instants[i]).toBeGreaterThanOrEqual(instants[i - 1]);
	}
});

test("a burst stops reading when the platform's time for the poll is up, keeping what it handed on", async () => {
	const list = new SimulatedList(T0);
	const trigger = new Trigger(list, { maxItems: 1_000, pageSize: 10 });
	await trigger.poll();
	for (let i = 0; i < 300; i++) list.add(`t${String(i).padStart(3, '0')}`, T0 + 1_000 + i);
	list.clock += 60_000;
	// Each read takes a second; the poll may take 4.5.
	list.beforeRead = () => (list.clock += 1_000);
	const before = list.reads.length;
	const first = await pollRanged(feedOf(list), trigger.state!, { maxItems: 1_000, pageSize: 10, deadline: list.clock + 4_500 });
	list.beforeRead = undefined;
	expect(list.reads.length - before).toBe(5);
	expect(first.items.length).toBeLessThan(300);
	expect(first.more).toBe(true);
	trigger.out.push(...first.items);
	trigger.state = first.state;
	while (trigger.out.length < 300 && trigger.requests.length < 10) await trigger.poll();
	expect(ids(trigger.out)).toEqual(Array.from({ length: 300 }, (_, i) => `t${String(i).padStart(3, '0')}`));
});
