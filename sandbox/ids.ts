/**
 * Random identifiers: UUIDs, short codes, API and publishable keys, webhook secrets. Runtime values come from
 * node:crypto; the seed passes its PRNG (`next`) so the seeded account is the same for the same `--seed`.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `next(max)` returns an integer in [0, max). */
export type RandomInt = (max: number) => number;

const cryptoInt: RandomInt = (max) => randomInt(max);

export function base62(length: number, next: RandomInt = cryptoInt): string {
	let out = '';
	for (let i = 0; i < length; i++) out += BASE62[next(BASE62.length)];
	return out;
}

const hex8 = (word: number) => word.toString(16).padStart(8, '0');

/** A version 4 UUID: from crypto, or from the seed's PRNG when `next` is given (four 32-bit draws, few allocations). */
export function newUuid(next?: RandomInt): string {
	if (!next) return randomUUID();
	const a = next(0x100000000);
	const b = ((next(0x100000000) & ~0xf000) | 0x4000) >>> 0;
	const c = ((next(0x100000000) & 0x3fffffff) | 0x80000000) >>> 0;
	const d = next(0x100000000);
	const bHex = hex8(b);
	const cHex = hex8(c);
	return `${hex8(a)}-${bHex.slice(0, 4)}-${bHex.slice(4)}-${cHex.slice(0, 4)}-${cHex.slice(4)}${hex8(d)}`;
}

/** The codes Linkkit picks (A5): six characters of [A-Za-z0-9]. */
export const newShortCode = (next?: RandomInt) => base62(6, next);

export const newApiKey = () => `lk_test_${base62(24)}`;

/** A workspace's publishable key for /track/* (A28). */
export const newPublishableKey = () => `pk_test_${base62(24)}`;

/** A webhook signing secret (A22): 64 lowercase hex characters. */
export const newHookSecret = () => randomBytes(32).toString('hex');

/** Short stable hash, used where a secret must be referred to (a rate-limit bucket) without being kept. */
export function shortHash(value: string): string {
	return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}
