/**
 * Zapier-style flattened keys (`link__short_url`, `breakdown[]value`) with the JSON type of each value, to compare
 * samples, outputFields and live results.
 */
export function flatTypes(value: unknown, prefix = ''): Record<string, string> {
	if (Array.isArray(value)) {
		const inner = value.find((item) => item !== null && item !== undefined);
		return inner === undefined ? { [`${prefix}[]`]: 'null' } : flatTypes(inner, `${prefix}[]`);
	}
	if (value !== null && typeof value === 'object') {
		const out: Record<string, string> = {};
		for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
			const path = prefix ? (prefix.endsWith('[]') ? `${prefix}${key}` : `${prefix}__${key}`) : key;
			Object.assign(out, flatTypes(v, path));
		}
		return Object.keys(out).length ? out : { [prefix]: 'object' };
	}
	return { [prefix]: value === null || value === undefined ? 'null' : typeof value };
}

/** Open objects (`metadata`) compare by their own key only: their inner keys are the user's. */
const OPEN_OBJECTS = ['metadata'];

function comparable(types: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, type] of Object.entries(types)) {
		const open = OPEN_OBJECTS.find((name) => key === name || key.startsWith(`${name}__`));
		if (open) out[open] = out[open] === undefined || out[open] === 'null' ? (type === 'null' ? 'null' : 'object') : out[open];
		else out[key] = type;
	}
	return out;
}

/** A null where the other side has an object (a conversion without a link) stands for all of its keys, as nulls. */
function expandNulls(types: Record<string, string>, other: Record<string, string>): Record<string, string> {
	const out = { ...types };
	for (const [key, type] of Object.entries(types)) {
		const inner = Object.keys(other).filter((k) => k.startsWith(`${key}__`) || k.startsWith(`${key}[]`));
		if (type !== 'null' || inner.length === 0) continue;
		delete out[key];
		for (const k of inner) out[k] = 'null';
	}
	return out;
}

/** The live item has the sample's keys, each of the same type where both are filled (null goes with anything). */
export function expectSameShape(live: unknown, sample: unknown): void {
	const rawA = comparable(flatTypes(live));
	const rawB = comparable(flatTypes(sample));
	const a = expandNulls(rawA, rawB);
	const b = expandNulls(rawB, rawA);
	expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
	const clash = Object.keys(a).filter((key) => a[key] !== 'null' && b[key] !== 'null' && a[key] !== b[key]);
	expect(clash.map((key) => `${key}: live ${a[key]}, sample ${b[key]}`)).toEqual([]);
}

type OutputField = { key: string; type?: string };
const TYPE_OF_FIELD: Record<string, string[]> = {
	string: ['string'],
	datetime: ['string'],
	integer: ['number'],
	number: ['number'],
	boolean: ['boolean'],
};

/** Every output field labels a key the sample has, and says the type the sample's value has. */
export function expectOutputFieldsDescribe(sample: unknown, fields: OutputField[]): void {
	const types = comparable(flatTypes(sample));
	const wrong = fields
		.filter((field) => !(field.key in types) || (field.type && types[field.key] !== 'null' && !TYPE_OF_FIELD[field.type]?.includes(types[field.key])))
		.map((field) => `${field.key} (${field.type}): sample has ${types[field.key] ?? 'no such key'}`);
	expect(wrong).toEqual([]);
}

/** Every result has a unique, non-empty `id` and results are newest first by `field`: what Zapier's dedupe needs. */
export function expectDedupeContract(items: Array<Record<string, unknown>>, field: (item: Record<string, unknown>) => unknown): void {
	const ids = items.map((item) => item.id);
	expect(new Set(ids).size).toBe(ids.length);
	for (const id of ids) expect(typeof id === 'string' && id.length > 0).toBe(true);
	const times = items.map((item) => Date.parse(String(field(item))));
	expect([...times].sort((a, b) => b - a)).toEqual(times);
}
