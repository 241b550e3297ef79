/**
 * Refusing bad input before any request, without writing the core's checks a second time. The core checks every
 * input before it sends anything (core/validation.ts); a call made on a client whose port never sends stops at its
 * first request. So running an item's core call on such a client first tells whether the core would refuse the
 * input (its input error is thrown as is) — and nothing has gone out for any item yet.
 *
 * A call that needs an answer before it can check the rest (e.g. a QR code for a link reads the link first) is
 * checked up to that request; its remaining fields are still checked by the core before the request that uses them.
 */

import { createLinkkitClient, LinkkitError, type LinkkitClient, type LinkkitPort } from '../../../core';

/** What the dry port throws instead of sending: the core hands a port's own LinkkitError through unchanged. */
class ReachedRequest extends LinkkitError {
	constructor() {
		super({ code: 'invalid_input', message: 'Checked up to the first request; nothing was sent.' });
	}
}

const nothingSent: LinkkitPort = {
	send: async () => {
		throw new ReachedRequest();
	},
	sleep: async () => {},
};

/** No pacing and no retries: a dry client never waits and never repeats. */
const dryClient = (publishableKey?: string): LinkkitClient =>
	createLinkkitClient(nothingSent, { baseUrl: 'https://api.uselinkkit.com', retry: { pacing: false, maxRetries: 0 }, publishableKey });
const withoutPublishableKey = dryClient();
/** A stand-in value: the dry client only needs to know whether the credential has a publishable key. */
const withPublishableKey = dryClient('pk_stand_in');

export interface CheckOptions {
	/** Whether the credential has a publishable key (recording leads and sales needs one). */
	hasPublishableKey?: boolean;
}

/**
 * Runs `call` on a client that sends nothing. Returns the core's refusal of the input (its input error), or undefined
 * when the input passed every check made before the first request.
 */
export async function refusalOf(
	call: (client: LinkkitClient) => Promise<unknown> | AsyncIterable<unknown> | unknown,
	options: CheckOptions = {},
): Promise<unknown> {
	try {
		const result = call(options.hasPublishableKey ? withPublishableKey : withoutPublishableKey);
		if (result && typeof (result as Promise<unknown>).then === 'function') await result;
		else if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
			// A listing checks its filters when it is first read, and sends its first request then.
			await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().next();
		}
		return undefined;
	} catch (error) {
		return error instanceof ReachedRequest ? undefined : error;
	}
}
