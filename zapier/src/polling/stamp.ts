/**
 * Where an item sits in a feed: its timestamp (created, updated, clicked) and its id. Linkkit sorts its lists by
 * timestamp but documents no order for ties (docs/assumptions.md A14), so the triggers never rely on Linkkit's
 * positions: they sort what they read themselves, by timestamp and then id.
 */
export interface Stamp {
	/** ISO timestamp from Linkkit. */
	at: string;
	id: string;
}

export function compareStamps(a: Stamp, b: Stamp): number {
	const byTime = Date.parse(a.at) - Date.parse(b.at);
	if (byTime !== 0) return byTime;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
