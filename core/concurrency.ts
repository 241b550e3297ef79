/**
 * Several independent requests in flight at once, for when the round trip and not the rate limit is what holds a
 * run back (100 ms per request caps one-at-a-time at 10 a second whatever the limit). The pacer still decides
 * when each request may go out; this only keeps the next ones ready. Results come back in input order.
 */

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `task(0 … count-1)`, at most `limit` at once, started in index order, and resolves once every started task
 * has settled. With `stopOnFailure`, no task starts after one has failed (those already running finish); the
 * results of tasks never started are `undefined`.
 */
export async function settleInOrder<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
	stopOnFailure = false,
): Promise<Array<Settled<T> | undefined>> {
	const results: Array<Settled<T> | undefined> = new Array(count).fill(undefined);
	let next = 0;
	let failed = false;
	const lane = async () => {
		while (next < count && !(stopOnFailure && failed)) {
			const index = next++;
			try {
				results[index] = { ok: true, value: await task(index) };
			} catch (error) {
				results[index] = { ok: false, error };
				failed = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(Math.floor(limit), count)) }, lane));
	return results;
}
