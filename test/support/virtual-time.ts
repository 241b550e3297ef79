/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * Virtual time for tests of concurrent code: `sleep` parks a promise at a virtual instant, and `run` advances the
 * clock from one parked instant to the next whenever every promise chain has settled, so several clients waiting
 * and answering concurrently interleave exactly as they would in real time, in milliseconds instead of minutes.
 */

interface Timer {
	at: number;
	order: number;
	wake: () => void;
}

/** Lets every pending promise callback run (they all do before the next macrotask). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export class VirtualClock {
	private timers: Timer[] = [];
	private order = 0;

	constructor(public time = Date.UTC(2026, 10, 27, 12, 0, 0)) {}

	now = (): number => this.time;

	sleep = (ms: number): Promise<void> =>
		new Promise((wake) => {
			this.timers.push({ at: this.time + Math.max(0, ms), order: this.order++, wake });
		});

	/** Runs `work` to completion in virtual time; fails if it stops waiting on anything (a deadlock). */
	async run<T>(work: Promise<T>): Promise<T> {
		let finished = false;
		const watched = work.finally(() => (finished = true));
		watched.catch(() => {});
		for (;;) {
			await settle();
			if (finished) return await watched;
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = this.timers.shift();
			if (!next) throw new Error('VirtualClock: nothing left to wait for, but the work has not finished');
			this.time = Math.max(this.time, next.at);
			next.wake();
		}
	}
}
