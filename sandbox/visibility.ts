/**
 * `--visibility-lag <ms>` (A15): list results that trail the writes, as a replicated API's do. Each write of a link,
 * click or conversion becomes visible to lists (`GET /v1/links`, a link's clicks, `GET /v1/conversions`) a random
 * delay of 0..lagMs after its timestamp (seeded, drawn per item and write, so a run is reproducible and independent
 * of request order). Until then a list shows the item as it was before the write, or leaves it out when it is new.
 * Gets by code or id, the summary and the CSV feeds read the store directly and see every write at once.
 */

/** What a list sees of one item whose latest write is not visible yet. */
interface Pending {
	visibleAtMs: number;
	/** The version lists showed before the write; absent for a new item. */
	before?: unknown;
}

/** FNV-1a over the text, then mixed: a stable pseudo-random fraction in [0, 1) per (seed, text). */
function fraction(seed: number, text: string): number {
	let hash = (0x811c9dc5 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	hash ^= hash >>> 15;
	hash = Math.imul(hash, 0x2c1b3c6d) >>> 0;
	hash ^= hash >>> 12;
	return (hash >>> 0) / 4294967296;
}

export class VisibilityLag {
	private readonly pending = new Map<string, Pending>();
	/** Size at which visible entries are next swept out (doubles with what stays pending, so sweeps stay cheap). */
	private sweepAt = 1_000;

	constructor(
		private readonly lagMs: number,
		private readonly seed: number,
		private readonly now: () => number,
	) {}

	get enabled(): boolean {
		return this.lagMs > 0;
	}

	/** How long after its timestamp this write of this item becomes visible to lists. */
	lagOf(id: string, timestamp: string): number {
		return Math.floor(fraction(this.seed, `${id}@${timestamp}`) * (this.lagMs + 1));
	}

	/**
	 * Records a write. `before` is the item as it was (undefined when new); `timestamp` is the write's own
	 * (a link's updated_at, a click's clicked_at, a conversion's created_at).
	 */
	written<T extends { id: string }>(before: T | undefined, after: T, timestamp: string): void {
		if (!this.enabled) return;
		const nowMs = this.now();
		const earlier = this.pending.get(after.id);
		// When the previous write is still pending, lists keep showing what they showed before that one.
		const shown = earlier && nowMs < earlier.visibleAtMs ? earlier.before : before;
		this.pending.set(after.id, { visibleAtMs: Date.parse(timestamp) + this.lagOf(after.id, timestamp), before: shown });
		if (this.pending.size > this.sweepAt) {
			this.forgetVisible(nowMs);
			this.sweepAt = Math.max(1_000, this.pending.size * 2);
		}
	}

	/** The item as lists see it now: itself, its previous version, or nothing yet. */
	shown<T extends { id: string }>(item: T, nowMs = this.now()): T | undefined {
		const pending = this.pending.get(item.id);
		if (!pending || nowMs >= pending.visibleAtMs) return item;
		return pending.before as T | undefined;
	}

	/** The items as lists see them now, in the order given. */
	*view<T extends { id: string }>(items: Iterable<T>): IterableIterator<T> {
		if (!this.enabled || this.pending.size === 0) {
			yield* items;
			return;
		}
		const nowMs = this.now();
		for (const item of items) {
			const shown = this.shown(item, nowMs);
			if (shown !== undefined) yield shown;
		}
	}

	clear(): void {
		this.pending.clear();
	}

	private forgetVisible(nowMs: number): void {
		for (const [id, pending] of this.pending) if (nowMs >= pending.visibleAtMs) this.pending.delete(id);
	}
}
