/**
 * Items kept sorted by a key that never changes for an item (a timestamp, then the id as tie-break), oldest first,
 * so a page of "newest first" is a slice from the end: a 100 000-link account pages as fast as a small one, as a
 * real API with an index would. New items mostly arrive newest, so inserting is usually an append.
 */
export type SortKey = readonly [string, string];

export class OrderedIndex<T> {
	private items: T[] = [];

	constructor(private readonly keyOf: (item: T) => SortKey) {}

	get size(): number {
		return this.items.length;
	}

	private compare(a: SortKey, b: SortKey): number {
		if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
		if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
		return 0;
	}

	/** The first position whose key is not below `key`. */
	private lowerBound(key: SortKey): number {
		let low = 0;
		let high = this.items.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (this.compare(this.keyOf(this.items[middle]), key) < 0) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	private positionOf(item: T): number {
		const key = this.keyOf(item);
		const at = this.lowerBound(key);
		return at < this.items.length && this.compare(this.keyOf(this.items[at]), key) === 0 ? at : -1;
	}

	insert(item: T): void {
		const last = this.items[this.items.length - 1];
		if (last === undefined || this.compare(this.keyOf(last), this.keyOf(item)) < 0) this.items.push(item);
		else this.items.splice(this.lowerBound(this.keyOf(item)), 0, item);
	}

	/** Many at once (a seed, a burst of clicks): one sort instead of one splice each, none when already in order. */
	insertMany(items: readonly T[]): void {
		for (const item of items) this.items.push(item);
		if (this.isSorted()) return;
		const keyed = this.items.map((item) => ({ item, key: this.keyOf(item) }));
		keyed.sort((a, b) => this.compare(a.key, b.key));
		this.items = keyed.map((entry) => entry.item);
	}

	private isSorted(): boolean {
		for (let i = 1; i < this.items.length; i++) if (this.compare(this.keyOf(this.items[i - 1]), this.keyOf(this.items[i])) > 0) return false;
		return true;
	}

	/** Puts a new version of an item in its place (its key is the same). */
	replace(item: T): void {
		const at = this.positionOf(item);
		if (at >= 0) this.items[at] = item;
		else this.insert(item);
	}

	remove(item: T): void {
		const at = this.positionOf(item);
		if (at >= 0) this.items.splice(at, 1);
	}

	/** Newest first. */
	*newestFirst(): IterableIterator<T> {
		for (let i = this.items.length - 1; i >= 0; i--) yield this.items[i];
	}

	/** Oldest first (a copy, safe to keep). */
	all(): T[] {
		return [...this.items];
	}

	/** Items `skip`.. `skip + count` counted from the newest. */
	newestSlice(skip: number, count: number): T[] {
		const end = Math.max(0, this.items.length - skip);
		const start = Math.max(0, end - count);
		return this.items.slice(start, end).reverse();
	}

	/** Newest first, only those whose first key lies in [from, to] (ISO strings of one format compare as text). */
	*newestWithin(from: string | undefined, to: string | undefined): IterableIterator<T> {
		const end = to === undefined ? this.items.length : this.lowerBound([to + '\uffff', '']);
		const start = from === undefined ? 0 : this.lowerBound([from, '']);
		for (let i = end - 1; i >= start; i--) yield this.items[i];
	}

	/** How many items have a first key in [from, to]. */
	countWithin(from: string | undefined, to: string | undefined): number {
		if (from === undefined && to === undefined) return this.items.length;
		const end = to === undefined ? this.items.length : this.lowerBound([to + '\uffff', '']);
		const start = from === undefined ? 0 : this.lowerBound([from, '']);
		return Math.max(0, end - start);
	}
}
