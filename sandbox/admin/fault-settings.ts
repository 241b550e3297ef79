/** Reads the body of `POST /__sandbox/faults` into a fault config update; a bad field is a 400. */
import { badRequest } from '../http/errors';
import { FAULT_KINDS, FRACTION_FIELDS, type FaultConfig, type FaultStep } from '../faults';

type Body = Record<string, unknown>;

/** `METHOD /path` of an API request a scripted step may be limited to. */
const MATCH = /^(GET|POST|PUT|PATCH|DELETE) \/(v1|track|feeds)\/\S*$/;

function fraction(body: Body, field: string): number | undefined {
	const value = body[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || value < 0 || value > 1) throw badRequest(`${field} must be a number from 0 to 1`);
	return value;
}

function step(value: unknown, index: number): FaultStep {
	const { kind, retryAfter, match } = (value ?? {}) as Body;
	if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
		throw badRequest(`next[${index}].kind must be one of ${FAULT_KINDS.join(', ')}`);
	}
	if (retryAfter !== undefined && (typeof retryAfter !== 'number' || retryAfter < 0)) {
		throw badRequest(`next[${index}].retryAfter must be a number of seconds`);
	}
	if (match !== undefined && (typeof match !== 'string' || !MATCH.test(match))) {
		throw badRequest(`next[${index}].match must be a method and an API path, e.g. "PUT /v1/links/abc123" or "POST /track/sale"`);
	}
	return {
		kind: kind as FaultStep['kind'],
		...(retryAfter !== undefined ? { retryAfter } : {}),
		...(match !== undefined ? { match: match as string } : {}),
	};
}

export function parseFaults(body: Body): Partial<FaultConfig> {
	const update: Partial<FaultConfig> = {};
	for (const field of FRACTION_FIELDS) {
		const value = fraction(body, field);
		if (value !== undefined) update[field] = value;
	}
	for (const field of ['latencyMs', 'stallMs'] as const) {
		const value = body[field];
		if (value === undefined) continue;
		if (typeof value !== 'number' || value < 0) throw badRequest(`${field} must be a number >= 0`);
		update[field] = value;
	}
	if (body.next !== undefined) {
		if (!Array.isArray(body.next)) throw badRequest('next must be an array of { kind, retryAfter?, match? }');
		update.next = body.next.map(step);
	}
	return update;
}
