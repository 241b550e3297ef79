/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * core/polling-newest-first on a simulated list with no time filter (links by creation): the first poll only marks;
 * new links come out once, oldest first, once settled; a burst goes out in chunks from the oldest, read from near the
 * boundary instead of from page 1 down; links added or deleted between two page reads of one poll lose and repeat
 * nothing; one instant shared by more links than a chunk (a bulk import) comes out whole.
 */

import { markNewestFirst, pollNewestFirst, SETTLE_MS, type NewestFirstFeed, type NewestFirstState } from '../../core';
import { seeded, SimulatedList, type SimRecord } from './polling-simulated-list';

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);

function feedOf(list: SimulatedList): NewestFirstFeed<SimRecord> {
	return {
		read: async (page, limit) => list.read(page, limit),
		stamp: (record) => ({ id: record.id, at: record.created_at }),
		clock: list.pollClock,
	};
}

class Trigger {
	state?: NewestFirstState;
	readonly out: SimRecord[] = [];
	readonly requests: number[] = [];

	constructor(
		readonly list: SimulatedList,
		readonly limits: { maxItems?: number; pageSize?: number; maxPages?: number } = {},
	) {}

	async poll(): Promise<SimRecord[]> {
		const before = this.list.reads.length;
		let items: SimRecord[] = [];
		if (!this.state) this.state = await markNewestFirst(feedOf(this.list), this.limits);
		else {
			const given = JSON.stringify(this.state);
			const result = await pollNewestFirst(feedOf(this.list), this.state, this.limits);
			expect(JSON.stringify(this.state)).toBe(given);
			this.state = JSON.parse(JSON.stringify(result.state)) as NewestFirstState;
			items = result.items;
		}
		this.out.push(...items);
		this.requests.push(this.list.reads.length - before);
		return items;
	}
}

const ids = (records: SimRecord[]) => records.map((record) => record.id);
const name = (prefix: string, i: number) => `${prefix}${String(i).padStart(5, '0')}`;

function seed(list: SimulatedList, count: number): void {
	for (let i = 0; i < count; i++) list.add(name('old', i), T0 - 3_600_000 + i * 100);
}

test('the first poll marks with one request; nothing new costs one request; a few new links come in one request', async () => {
	const list = new SimulatedList(T0);
	seed(list, 500);
	const trigger = new Trigger(list);
	await trigger.poll();
	expect(trigger.requests).toEqual([1]);
	list.clock += 60_000;
	expect(await trigger.poll()).toEqual([]);
	list.clock += 60_000;
	list.add('n1', list.clock - 30_000);
	list.add('n2', list.clock - 20_000);
	list.add('fresh', list.clock - 1_000);
	expect(ids(await trigger.poll())).toEqual(['n1', 'n2']);
	list.clock += 60_000;
	expect(ids(await trigger.poll())).toEqual(['fresh']);
	expect(trigger.requests).toEqual([1, 1, 1, 1]);
	expect(trigger.out).toHaveLength(3);
	expect(JSON.stringify(trigger.state).length).toBeLessThan(100);
});

test(`links created in the ${SETTLE_MS / 1000} s before activation are history too when the list already shows them`, async () => {
	const list = new SimulatedList(T0);
	seed(list, 10);
	list.add('just-before', T0 - 2_000);
	const trigger = new Trigger(list);
	await trigger.poll();
	list.clock += 60_000;
	list.add('after', list.clock - 20_000);
	expect(ids(await trigger.poll())).toEqual(['after']);
});

test('a burst is handed on oldest first in chunks, each poll reading near the boundary, not from page 1 down', async () => {
	const list = new SimulatedList(T0);
	seed(list, 3_000);
	const trigger = new Trigger(list, { maxItems: 200, pageSize: 20 });
	await trigger.poll();
	const made: string[] = [];
	for (let i = 0; i < 2_000; i++) {
		list.add(name('burst', i), T0 + 1_000 + i * 10);
		made.push(name('burst', i));
	}
	list.clock += 120_000;
	const chunks: number[] = [];
	while (trigger.out.length < made.length && chunks.length < 20) chunks.push((await trigger.poll()).length);
	expect(ids(trigger.out)).toEqual(made);
	expect(chunks.length).toBeLessThanOrEqual(11);
	expect(Math.max(...chunks)).toBeLessThanOrEqual(200);
	// Page 1, then about a chunk's pages above the boundary (200 / 20 = 10, and one part page).
	expect(Math.max(...trigger.requests.slice(1))).toBeLessThanOrEqual(13);
	expect(JSON.stringify(trigger.state).length).toBeLessThan(100);
});

test('links added at the top and deleted above the read position between two page reads lose and repeat nothing', async () => {
	const list = new SimulatedList(T0);
	seed(list, 300);
	const trigger = new Trigger(list, { maxItems: 1_000, pageSize: 10 });
	await trigger.poll();
	const made: string[] = [];
	for (let i = 0; i < 150; i++) {
		list.add(name('new', i), T0 + 1_000 + i * 10);
		made.push(name('new', i));
	}
	list.clock += 120_000;
	const random = seeded(3);
	let extra = 0;
	const deleted = new Set<string>();
	list.beforeRead = () => {
		// Between reads: new links at the top (not settled yet), and deletions of links already read or not.
		list.add(name('late', extra++), list.clock);
		if (random() < 0.5) {
			const visible = list.visible().filter((item) => item.id.startsWith('new'));
			const victim = visible[Math.floor(random() * visible.length)];
			if (victim) {
				deleted.add(victim.id);
				list.remove(victim.id);
			}
		}
	};
	await trigger.poll();
	list.beforeRead = undefined;
	list.clock += 60_000;
	await trigger.poll();
	const out = ids(trigger.out);
	expect(new Set(out).size).toBe(out.length);
	// Every link not deleted was handed on, in creation order; a deleted one at most once.
	expect(out.filter((id) => id.startsWith('new'))).toEqual(made.filter((id) => !deleted.has(id) || out.includes(id)));
	expect(out.filter((id) => id.startsWith('late'))).toEqual(Array.from({ length: extra }, (_, i) => name('late', i)));
	expect(deleted.size).toBeGreaterThan(5);
});

test.each([40, 8])('a bulk import of more links than a chunk, all at one instant, comes out whole (budget %i pages a poll)', async (maxPages) => {
	const list = new SimulatedList(T0);
	seed(list, 500);
	const trigger = new Trigger(list, { maxItems: 50, pageSize: 10, maxPages });
	await trigger.poll();
	const made: string[] = [];
	for (let i = 0; i < 30; i++) made.push(list.add(name('before', i), T0 + 1_000 + i).id);
	for (let i = 0; i < 170; i++) made.push(list.add(name('bulk', i), T0 + 5_000).id);
	for (let i = 0; i < 30; i++) made.push(list.add(name('after', i), T0 + 9_000 + i).id);
	list.clock += 120_000;
	const chunks: string[][] = [];
	while (trigger.out.length < made.length && chunks.length < 20) chunks.push(ids(await trigger.poll()));
	expect([...ids(trigger.out)].sort()).toEqual([...made].sort());
	expect(new Set(ids(trigger.out)).size).toBe(made.length);
	// The 170 links of one instant are in one chunk, never split over two.
	expect(chunks.filter((chunk) => chunk.some((id) => id.startsWith('bulk'))).map((chunk) => chunk.filter((id) => id.startsWith('bulk')).length)).toEqual([170]);
});

test('old links deleted since the last poll (the hint is stale) and a lost hint still find the boundary', async () => {
	const list = new SimulatedList(T0);
	seed(list, 2_000);
	const trigger = new Trigger(list, { maxItems: 100, pageSize: 10 });
	await trigger.poll();
	for (let i = 0; i < 1_500; i++) list.remove(name('old', i));
	const made = Array.from({ length: 400 }, (_, i) => list.add(name('n', i), T0 + 1_000 + i * 10).id);
	list.clock += 120_000;
	await trigger.poll();
	delete trigger.state!.below;
	await trigger.poll();
	trigger.state!.below = 5_000;
	await trigger.poll();
	// Far too few: the walk would start below the boundary, sees only old links, and looks again.
	trigger.state!.below = 3;
	while (trigger.out.length < made.length && trigger.requests.length < 20) await trigger.poll();
	expect(ids(trigger.out)).toEqual(made);
});

test('random bursts, lag, ties, inserts and deletes while reading: every link once, in creation order', async () => {
	for (let run = 1; run <= Number(process.env.POLL_RUNS ?? 30); run++) {
		const random = seeded(run * 31);
		const list = new SimulatedList(T0);
		seed(list, Math.floor(random() * 300));
		// Page budgets in the proportion of the real one: 40 requests for chunks of 10 pages.
		const pageSize = 2 + Math.floor(random() * 9);
		const maxItems = 5 + Math.floor(random() * 60);
		const trigger = new Trigger(list, { maxItems, pageSize, maxPages: 4 * Math.ceil(maxItems / pageSize) });
		await trigger.poll();
		const made: string[] = [];
		const deleted = new Set<string>();
		let n = 0;
		const create = (at: number) => {
			const id = name(`r${run}-`, n++);
			list.add(id, at, { lagMs: Math.floor(random() * 10_001), micros: random() < 0.2 ? 1 + Math.floor(random() * 999) : 0 });
			made.push(id);
		};
		list.beforeRead = () => {
			if (random() < 0.3) create(list.clock - Math.floor(random() * 3) * 5);
			if (random() < 0.1 && made.length) {
				const victim = made[Math.floor(random() * made.length)];
				if (list.items.has(victim)) {
					list.remove(victim);
					deleted.add(victim);
				}
			}
		};
		for (let step = 0; step < 80; step++) {
			list.clock += Math.floor(random() * 3_000);
			const burst = random() < 0.1 ? 40 : 1;
			const at = list.clock;
			for (let i = 0; i < burst; i++) create(at - Math.floor(random() * 3) * 5);
			if (random() < 0.4) await trigger.poll();
		}
		list.beforeRead = undefined;
		list.clock += 120_000;
		for (let i = 0; i < 200; i++) {
			await trigger.poll();
			if (made.every((id) => deleted.has(id) || trigger.out.some((record) => record.id === id))) break;
		}
		const out = ids(trigger.out);
		expect(new Set(out).size).toBe(out.length);
		expect([...out].sort()).toEqual(made.filter((id) => !deleted.has(id) || out.includes(id)).sort());
		const instants = trigger.out.map((record) => Date.parse(record.created_at));
		for (let i = 1; i < instants.length; i++) expect(instants[i]).toBeGreaterThanOrEqual(instants[i - 1]);
	}
});
