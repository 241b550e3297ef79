/**
 * core/polling-scan on a simulated list sorted by creation while the event is a change (Updated Link): every poll
 * reads the whole list (one request per page), changes anywhere in it come out once each, oldest change first, once
 * settled; a link never changed after its creation is no change; the state is the mark alone.
 */

import { markScan, pollScan, SETTLE_MS, wasEdited, type ScanFeed, type ScanState } from '../../core';
import { seeded, SimulatedList, type SimRecord } from './polling-simulated-list';

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);

function feedOf(list: SimulatedList, pageSize?: number): ScanFeed<SimRecord> {
	return {
		read: async (page, limit) => list.read(page, limit),
		stamp: (record) => ({ id: record.id, at: record.updated_at }),
		isEvent: wasEdited,
		clock: list.pollClock,
		pageSize,
	};
}

class Trigger {
	state?: ScanState;
	readonly out: SimRecord[] = [];
	readonly requests: number[] = [];

	constructor(
		readonly list: SimulatedList,
		readonly limits: { maxItems?: number; pageSize?: number } = {},
	) {}

	async poll(): Promise<SimRecord[]> {
		const before = this.list.reads.length;
		let items: SimRecord[] = [];
		if (!this.state) this.state = await markScan(feedOf(this.list), this.limits);
		else {
			const result = await pollScan(feedOf(this.list), this.state, this.limits);
			this.state = JSON.parse(JSON.stringify(result.state)) as ScanState;
			items = result.items;
		}
		this.out.push(...items);
		this.requests.push(this.list.reads.length - before);
		return items;
	}
}

const changes = (records: SimRecord[]) => records.map((record) => `${record.id}@${record.updated_at}`);

function seed(list: SimulatedList, count: number): void {
	for (let i = 0; i < count; i++) list.add(`l${String(i).padStart(4, '0')}`, T0 - 3_600_000 + i * 100);
}

test('changes anywhere in the list come out once, oldest first; new links are no change; one request per page', async () => {
	const list = new SimulatedList(T0, 'updated');
	seed(list, 950);
	list.update('l0003', T0 - 60_000);
	const trigger = new Trigger(list);
	await trigger.poll();
	expect(trigger.requests).toEqual([10]);
	list.clock += 60_000;
	list.update('l0900', list.clock - 40_000);
	list.update('l0005', list.clock - 30_000);
	list.add('brand-new', list.clock - 35_000);
	list.update('l0500', list.clock - 2_000);
	expect(changes(await trigger.poll())).toEqual([`l0900@${new Date(list.clock - 40_000).toISOString()}`, `l0005@${new Date(list.clock - 30_000).toISOString()}`]);
	expect(trigger.requests.at(-1)).toBe(10);
	list.clock += 60_000;
	expect((await trigger.poll()).map((record) => record.id)).toEqual(['l0500']);
	list.clock += 60_000;
	expect(await trigger.poll()).toEqual([]);
	expect(JSON.stringify(trigger.state).length).toBeLessThan(80);
});

test(`a link changed again is a new event each time; a change the list shows late is still handed on after ${SETTLE_MS / 1000} s`, async () => {
	const list = new SimulatedList(T0, 'updated');
	seed(list, 30);
	const trigger = new Trigger(list);
	await trigger.poll();
	list.clock += 60_000;
	list.update('l0010', list.clock - 50_000);
	await trigger.poll();
	list.clock += 60_000;
	list.update('l0010', list.clock - 15_000, 9_000);
	await trigger.poll();
	list.clock += 60_000;
	await trigger.poll();
	expect(trigger.out.map((record) => record.id)).toEqual(['l0010', 'l0010']);
});

test('many changes go out in chunks that never split an instant; deletions while reading lose nothing', async () => {
	const list = new SimulatedList(T0, 'updated');
	seed(list, 400);
	const trigger = new Trigger(list, { maxItems: 50, pageSize: 25 });
	await trigger.poll();
	list.clock += 60_000;
	const changed: string[] = [];
	for (let i = 0; i < 300; i++) {
		const id = `l${String(i).padStart(4, '0')}`;
		list.update(id, list.clock - 50_000 + Math.floor(i / 4));
		changed.push(id);
	}
	const random = seeded(5);
	const deleted = new Set<string>();
	list.beforeRead = () => {
		const victim = `l${String(300 + Math.floor(random() * 100)).padStart(4, '0')}`;
		if (list.items.has(victim)) {
			list.remove(victim);
			deleted.add(victim);
		}
	};
	while (trigger.out.length < changed.length && trigger.requests.length < 20) await trigger.poll();
	expect(trigger.out.map((record) => record.id)).toEqual(changed);
	expect(deleted.size).toBeGreaterThan(20);
});

test('a list answered whole (segments) is one request a poll', async () => {
	const list = new SimulatedList(T0);
	seed(list, 150);
	const feed: ScanFeed<SimRecord> = {
		read: async () => list.read(1, 1_000_000),
		stamp: (record) => ({ id: record.id, at: record.created_at }),
		clock: list.pollClock,
		pageSize: Number.MAX_SAFE_INTEGER,
	};
	let state = await markScan(feed);
	list.clock += 60_000;
	list.add('segment-new', list.clock - 20_000);
	const result = await pollScan(feed, state);
	state = result.state;
	expect(result.items.map((record) => record.id)).toEqual(['segment-new']);
	expect(list.reads).toHaveLength(2);
});

test("a whole-list read that cannot finish in the platform's time says so, and changes nothing", async () => {
	const list = new SimulatedList(T0, 'updated');
	seed(list, 500);
	const trigger = new Trigger(list);
	await trigger.poll();
	list.beforeRead = () => (list.clock += 1_000);
	await expect(pollScan(feedOf(list), trigger.state!, { deadline: list.clock + 2_500 })).rejects.toThrow(/time a check may take ran out/);
});
