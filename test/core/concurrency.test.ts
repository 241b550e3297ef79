/** settleInOrder: several tasks at once, results in order, and what "stop on failure" leaves unsent. */

import { NotSent, settleInOrder } from '../../core';
import { VirtualClock } from '../support/virtual-time';

it('runs at most `limit` tasks at once and returns results in input order', async () => {
	const clock = new VirtualClock();
	let running = 0;
	let most = 0;
	const results = await clock.run(
		settleInOrder(10, 3, async (index) => {
			most = Math.max(most, ++running);
			await clock.sleep((10 - index) * 10);
			running--;
			return index * 2;
		}),
	);
	expect(most).toBe(3);
	expect(results).toEqual(Array.from({ length: 10 }, (_, i) => ({ ok: true, value: i * 2 })));
});

it('keeps going after failures unless told to stop', async () => {
	const results = await settleInOrder(4, 2, async (index) => {
		if (index === 1) throw new Error('boom');
		return index;
	});
	expect(results.map((r) => r?.ok)).toEqual([true, false, true, true]);
});

it('with stopOnFailure: starts nothing after a failure, and a task still waiting drops its call as NotSent', async () => {
	const clock = new VirtualClock();
	const sent: number[] = [];
	const results = await clock.run(
		settleInOrder(
			6,
			3,
			async (index, proceed) => {
				// Task 1 fails at 10 ms; task 2, waiting for its turn until 20 ms, must then not send.
				await clock.sleep(index * 10);
				if (!proceed()) throw new NotSent();
				sent.push(index);
				if (index === 1) throw new Error('refused');
				return index;
			},
			true,
		),
	);
	expect(sent).toEqual([0, 1]);
	expect(results.map((r) => (r ? r.ok : 'not sent'))).toEqual([true, false, 'not sent', 'not sent', 'not sent', 'not sent']);
});
