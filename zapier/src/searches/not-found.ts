/* eslint-disable @n8n/community-nodes/require-node-api-error -- Zapier app, never shipped in the n8n package: errors are mapped in perform.ts */
/** A search that finds nothing returns no results (so search-or-create can create); other errors still surface. */
import { LinkkitError } from '../../../core';

export async function foundOrNone<T>(find: () => Promise<T | undefined>): Promise<T[]> {
	try {
		const found = await find();
		return found === undefined ? [] : [found];
	} catch (error) {
		if (error instanceof LinkkitError && error.status === 404) return [];
		throw error;
	}
}
