/**
 * A Linkkit list in memory, for the polling walks' unit tests: page/limit with `meta.total`, newest first by a
 * creation time (ties in a fixed order of the test's choosing), `from`/`to` on the stamp (both inclusive, compared
 * in full precision like a database), items that a list shows only some time after their timestamp (a per-item
 * lag), and a hook that runs before every read so a test can insert or delete items between two pages of one walk.
 * Its clock is the server's: `serverNow` is whole seconds, as a `Date` header gives it.
 */

import type { ListAnswer, PollClock } from '../../core';

export interface SimItem {
	id: string;
	/** Creation time (ms): the list's order. */
	created: number;
	/** Extra precision below the millisecond (0..999, µs), written into the ISO strings. */
	micros?: number;
	/** The latest change (ms); equal to `created` for an item never changed. */
	updated: number;
	/** When the list starts showing the item, and its latest change. */
	visibleAt: number;
	updateVisibleAt: number;
	/** The change the list shows until the latest one is visible. */
	previousUpdated?: number;
}

export interface SimRecord {
	id: string;
	created_at: string;
	updated_at: string;
}

export interface SimRead {
	page: number;
	limit: number;
	from?: string;
	to?: string;
}

const iso = (ms: number, micros = 0) => {
	const text = new Date(ms).toISOString();
	return micros ? `${text.slice(0, -1)}${String(micros).padStart(3, '0')}Z` : text;
};

/** Full precision (ms + µs/1000) of an ISO string, as a database would compare it. */
const precise = (text: string) => {
	const micros = /\.\d{3}(\d{3})Z$/.exec(text);
	return Date.parse(text) + (micros ? Number(micros[1]) / 1000 : 0);
};

export class SimulatedList {
	readonly items = new Map<string, SimItem>();
	readonly reads: SimRead[] = [];
	clock: number;
	/** Runs before each read (after it is logged): mutate the list between two pages of one walk. */
	beforeRead?: (read: SimRead, index: number) => void;
	/** Orders items of one millisecond; default: id descending (the sandbox's order). */
	tieOrder: (a: SimItem, b: SimItem) => number = (a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
	/** Which time `from`/`to` filter on and which the stamp reads: creation (links, clicks) or last change. */
	constructor(
		start: number,
		private readonly stampField: 'created' | 'updated' = 'created',
	) {
		this.clock = start;
	}

	add(id: string, created: number, options: { lagMs?: number; micros?: number } = {}): SimItem {
		const item: SimItem = { id, created, micros: options.micros, updated: created, visibleAt: created + (options.lagMs ?? 0), updateVisibleAt: created };
		this.items.set(id, item);
		return item;
	}

	update(id: string, at: number, lagMs = 0): void {
		const item = this.items.get(id);
		if (!item) throw new Error(`no item ${id}`);
		item.previousUpdated = this.shownUpdated(item);
		item.updated = at;
		item.updateVisibleAt = at + lagMs;
	}

	remove(id: string): void {
		this.items.delete(id);
	}

	private shownUpdated(item: SimItem): number {
		return this.clock >= item.updateVisibleAt ? item.updated : (item.previousUpdated ?? item.created);
	}

	record(item: SimItem): SimRecord {
		return { id: item.id, created_at: iso(item.created, item.micros), updated_at: iso(this.shownUpdated(item), item.updated === item.created ? item.micros : 0) };
	}

	/** Newest first, as the list shows it now. */
	visible(): SimItem[] {
		return [...this.items.values()].filter((item) => item.visibleAt <= this.clock).sort((a, b) => b.created - a.created || (b.micros ?? 0) - (a.micros ?? 0) || this.tieOrder(a, b));
	}

	read(page: number, limit: number, range: { from?: string; to?: string } = {}): ListAnswer<SimRecord> {
		const read: SimRead = { page, limit, ...range };
		this.reads.push(read);
		this.beforeRead?.(read, this.reads.length - 1);
		const from = range.from === undefined ? -Infinity : precise(range.from);
		const to = range.to === undefined ? Infinity : precise(range.to);
		const records = this.visible()
			.map((item) => this.record(item))
			.filter((record) => {
				const at = precise(this.stampField === 'created' ? record.created_at : record.updated_at);
				return at >= from && at <= to;
			});
		return { data: records.slice((page - 1) * limit, page * limit), total: records.length };
	}

	readonly pollClock: PollClock = { serverNow: () => Math.floor(this.clock / 1000) * 1000, now: () => this.clock };
}

/** A deterministic sequence in [0, 1), so a failure reproduces. */
export function seeded(seed: number): () => number {
	let state = seed % 2147483647 || 1;
	return () => (state = (state * 16807) % 2147483647) / 2147483647;
}
