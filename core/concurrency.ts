/**
 * Several independent requests in flight at once, for when the round trip and not the rate limit is what holds a
 * run back (100 ms per request caps one-at-a-time at 10 a second whatever the limit). The pacer still decides
 * when each request may go out; this only keeps the next ones ready. Results come back in input order.
 */

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `task` and reports how it ended instead of throwing, so callers decide what to rethrow outside a catch clause
 * (n8n's lint asks shipped code to rethrow only its own error types from catch clauses; the core's errors are
 * LinkkitErrors that each platform maps).
 */
export async function settle<T>(task: () => Promise<T>): Promise<Settled<T>> {
	return await Promise.resolve()
		.then(task)
		.then(
			(value): Settled<T> => ({ ok: true, value }),
			(error: unknown): Settled<T> => ({ ok: false, error }),
		);
}

/** Thrown by a call whose `proceed` check (CallOptions) said no once it was its turn: nothing was sent. */
export class NotSent extends Error {
	constructor() {
		super('Not sent: the run stopped before this request went out.');
	}
}

/**
 * Runs `task(0 … count-1)`, at most `limit` at once, started in index order, and resolves once every started task
 * has settled. With `stopOnFailure`, nothing new goes out after a task has failed: no task starts, and a task
 * that passes `proceed` to its calls and is still waiting for the rate limit throws NotSent instead of sending
 * (those already sent finish). The results of tasks that sent nothing are `undefined`.
 */
export async function settleInOrder<T>(
	count: number,
	limit: number,
	task: (index: number, proceed: () => boolean) => Promise<T>,
	stopOnFailure = false,
): Promise<Array<Settled<T> | undefined>> {
	const results: Array<Settled<T> | undefined> = new Array(count).fill(undefined);
	let next = 0;
	let failed = false;
	const proceed = () => !(stopOnFailure && failed);
	const lane = async () => {
		while (next < count && proceed()) {
			const index = next++;
			try {
				results[index] = { ok: true, value: await task(index, proceed) };
			} catch (error) {
				if (error instanceof NotSent) continue;
				results[index] = { ok: false, error };
				failed = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(Math.floor(limit), count)) }, lane));
	return results;
}
