/** Drop-down options where a full picker does not fit (inside a fixed collection, e.g. segment routes). */

import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { collect } from '../../../core';
import { linkkitClient } from '../transport';

/** Up to 500 segments by name; accounts with more can map an ID with an expression. */
export async function getSegments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await linkkitClient(this);
	const segments = await collect(client.segments.iterate({}, { limit: 500 }));
	return segments.map((segment) => ({ name: segment.name, value: segment.id })).sort((a, b) => a.name.localeCompare(b.name));
}
