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

/** A version 4 UUID: from crypto, or from the seed's PRNG when `next` is given. */
export function newUuid(next?: RandomInt): string {
	if (!next) return randomUUID();
	const bytes = Array.from({ length: 16 }, () => next(256));
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
