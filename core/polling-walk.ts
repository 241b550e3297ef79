/**
 * Reading a newest-first page/limit list downwards (page p, p+1, …) while it moves, so that nothing between the first
 * item read and the place the walk stops is missed.
 *
 * - An item added at the top pushes every later item one place down: the next page starts with an item already read.
 *   Such repeats are dropped by id.
 * - An item deleted above the place being read pulls every later item one place up: the first item of the next page
 *   slides onto the page just read and would be skipped. A deletion shows as `meta.total` shrinking between two
 *   pages; the walk then reads again the pages the slid items can be on (as many as the total shrank, from the page
 *   just read upwards) before it goes on. Why that is enough: between two reads, items slide up by the deletions above
 *   the read position less the insertions, and the total shrinks by all deletions less the insertions, which is at
 *   least as much. (It takes insertions to land above the read position: new items are the newest, so they do, unless
 *   a list shows an item so late that it lands below a position being read within the last seconds of the list.)
 */

import type { ListAnswer } from './polling';

export interface WalkedItem<T> {
	item: T;
	/** Position counted from the list's oldest end (0 = oldest) when last read; insertions at the top leave it alone. */
	fromBottom: number;
}

export interface WalkRequest<T> {
	read(page: number, limit: number): Promise<ListAnswer<T>>;
	idOf(item: T): string;
	limit: number;
	startPage: number;
	/** Requests this walk may make. */
	maxPages: number;
	/** The walk ends after the page in which this is true for an item (e.g. an item the trigger already handed on). */
	stopAt?(item: T): boolean;
	/** The start page, already read (its answer is used instead of reading it again). */
	firstAnswer?: ListAnswer<T>;
	/** True when no further page may be read (the platform's time for the poll is up): the walk ends incomplete. */
	outOfTime?(): boolean;
}

export interface Walk<T> {
	/** Every item read, by id, its latest reading kept. */
	items: Map<string, WalkedItem<T>>;
	/** The walk reached a stop item or the end of the list. */
	complete: boolean;
	/** Requests made (a given first answer not counted). */
	requests: number;
	/** The first item of the start page, as first read: the walk vouches for the items below it only. */
	top?: T;
	/** The stop item seen, and the last page read. */
	stoppedAt?: T;
	lastPage: number;
	lastTotal?: number;
}

export function isLastPage(answer: ListAnswer<unknown>, page: number, limit: number): boolean {
	return answer.data.length < limit || (answer.total !== undefined && page * limit >= answer.total);
}

export async function walkDown<T>(request: WalkRequest<T>): Promise<Walk<T>> {
	const { limit, idOf } = request;
	const walk: Walk<T> = { items: new Map(), complete: false, requests: 0, lastPage: request.startPage };
	let page = request.startPage;
	let previousTotal: number | undefined;
	let given = request.firstAnswer;

	for (;;) {
		let answer: ListAnswer<T>;
		if (given) {
			answer = given;
			given = undefined;
		} else {
			if (walk.requests >= request.maxPages || request.outOfTime?.()) return walk;
			answer = await request.read(page, limit);
			walk.requests++;
		}
		if (walk.top === undefined && page === request.startPage) walk.top = answer.data[0];
		walk.lastPage = page;
		walk.lastTotal = answer.total;
		const total = answer.total;
		// Position from the bottom needs the answer's own total; without one, the order read is the best there is.
		const base = total ?? Number.MAX_SAFE_INTEGER;
		answer.data.forEach((item, index) => {
			walk.items.set(idOf(item), { item, fromBottom: base - 1 - ((page - 1) * limit + index) });
		});

		if (previousTotal !== undefined && total !== undefined && total < previousTotal) {
			// Items were deleted: the ones that slid up past the page boundary are on the pages just above; read them again.
			page = Math.max(1, page - Math.ceil((previousTotal - total) / limit));
			previousTotal = total;
			continue;
		}
		previousTotal = total;
		const stop = request.stopAt ? answer.data.find((item) => request.stopAt!(item)) : undefined;
		if (stop !== undefined) {
			walk.stoppedAt = stop;
			walk.complete = true;
			return walk;
		}
		if (isLastPage(answer, page, limit)) {
			walk.complete = true;
			return walk;
		}
		page++;
	}
}
