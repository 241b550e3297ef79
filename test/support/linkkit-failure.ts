/** Awaits a call that must fail with a LinkkitError and returns that error for closer assertions. */

import { LinkkitError } from '../../core';

export async function linkkitFailure(promise: Promise<unknown>): Promise<LinkkitError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(LinkkitError);
		return error as LinkkitError;
	}
	throw new Error('expected the call to fail');
}
