/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * z.cache, core 19's key-value store, as the app uses it: always per connection (scope user + auth, so one user's
 * entries are never seen by another), and never fatal. Without Zapier's backend (e.g. `invoke`, or a zip run without
 * its stand-in) every call throws; the step then runs without what the cache would have carried, and says so once.
 */
import type { ZObject } from 'zapier-platform-core';

const SCOPE = ['user', 'auth'];

/** What core 19's implementation takes; its typings lack the scope argument of get and delete. */
interface ScopedCache {
	get(key: string, scope: string[]): Promise<unknown>;
	set(key: string, value: unknown, ttl: number, scope: string[], nx?: boolean): Promise<unknown>;
	delete(key: string, scope: string[]): Promise<unknown>;
}

export const UNAVAILABLE = Symbol('z.cache unavailable');

export class ConnectionCache {
	private warned = false;

	constructor(private readonly z: ZObject) {}

	private get cache(): ScopedCache {
		return this.z.cache as unknown as ScopedCache;
	}

	private async use<T>(what: string, action: () => Promise<T>): Promise<T | typeof UNAVAILABLE> {
		try {
			return await action();
		} catch (error) {
			if (!this.warned) {
				this.warned = true;
				this.z.console.log(`Linkkit: Zapier's cache is not available (${what}: ${error instanceof Error ? error.message : String(error)}).`);
			}
			return UNAVAILABLE;
		}
	}

	get<T>(key: string): Promise<T | null | typeof UNAVAILABLE> {
		return this.use('read', async () => ((await this.cache.get(key, SCOPE)) ?? null) as T | null);
	}

	async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
		await this.use('write', () => this.cache.set(key, value, ttlSeconds, SCOPE));
	}

	/**
	 * Writes only when the key is free (Zapier's `nx`), so of two steps claiming one key at the same moment only one
	 * gets it. False when it was taken; Zapier's test stand-in has no `nx` and always writes.
	 */
	async claim(key: string, value: unknown, ttlSeconds: number): Promise<boolean | typeof UNAVAILABLE> {
		return await this.use('write', async () => (await this.cache.set(key, value, ttlSeconds, SCOPE, true)) !== false);
	}

	async delete(key: string): Promise<void> {
		await this.use('clear', () => this.cache.delete(key, SCOPE));
	}
}
