/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * Where a trigger's feed stands: the newest item it handed on, kept in z.cache per connection, per Zap (Zapier's
 * `bundle.meta.zap.id`) and per trigger input, so each Zap continues a burst where its own last poll stopped.
 *
 * The position only matters after a burst of more than 100 new items (window.ts): otherwise every poll hands on the
 * newest 100 anyway. Without a position (the Zap was just turned on, the cache lost it, or the cache is not there)
 * a poll starts at the newest items, as a trigger without one would.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { identityOf, stableJson } from '../../../core';
import { ConnectionCache, UNAVAILABLE } from '../zcache';
import type { Stamp } from './stamp';

/** Kept a month after the last poll; a Zap off for longer starts again at the newest items. */
const POSITION_TTL_SECONDS = 30 * 24 * 60 * 60;

export class PositionStore {
	private readonly cache: ConnectionCache;
	private readonly key: string;

	constructor(z: ZObject, bundle: Bundle, trigger: string) {
		this.cache = new ConnectionCache(z);
		const zapId = String((bundle.meta as { zap?: { id?: unknown } } | undefined)?.zap?.id ?? '');
		this.key = `linkkit-feed:v1:${identityOf('zapier-feed', trigger, zapId, stableJson(bundle.inputData ?? {}))}`;
	}

	async get(): Promise<Stamp | undefined> {
		const stored = await this.cache.get<Stamp>(this.key);
		if (stored === UNAVAILABLE || !stored || typeof stored.at !== 'string' || typeof stored.id !== 'string') return undefined;
		return { at: stored.at, id: stored.id };
	}

	async set(position: Stamp): Promise<void> {
		await this.cache.set(this.key, { at: position.at, id: position.id }, POSITION_TTL_SECONDS);
	}
}
