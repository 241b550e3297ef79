/** Random identifiers: object ids, slugs, request ids and API keys. */
import { createHash, randomInt } from 'node:crypto';

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `next` returns an integer in [0, max); defaults to crypto randomness, the seed passes its PRNG. */
export type RandomInt = (max: number) => number;

const cryptoInt: RandomInt = (max) => randomInt(max);

export function base62(length: number, next: RandomInt = cryptoInt): string {
	let out = '';
	for (let i = 0; i < length; i++) out += BASE62[next(BASE62.length)];
	return out;
}

export type IdPrefix = 'lnk' | 'cmp' | 'seg' | 'clk' | 'req';

export function newId(prefix: IdPrefix, next?: RandomInt): string {
	return `${prefix}_${base62(prefix === 'clk' ? 14 : 10, next)}`;
}

export function newSlug(next?: RandomInt): string {
	return base62(7, next);
}

export function newApiKey(kind: 'full' | 'read-only' = 'full'): string {
	return `lk_test_${kind === 'read-only' ? 'ro_' : ''}${base62(24)}`;
}

/** Short stable hash, used where a secret or a big value must be referred to without being kept. */
export function shortHash(value: string): string {
	return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}
