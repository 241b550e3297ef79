/** Zapier-style flattened keys (`utm__source`, `tags[]`, `segmentRoutes[]destination`), to compare samples, outputFields and live results. */
export function flatKeys(value: unknown, prefix = ''): string[] {
	if (Array.isArray(value)) {
		const inner = value.find((item) => item !== null && typeof item === 'object');
		return inner ? flatKeys(inner, `${prefix}[]`) : [`${prefix}[]`];
	}
	if (value !== null && typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
			const path = prefix ? (prefix.endsWith('[]') ? `${prefix}${key}` : `${prefix}__${key}`) : key;
			return flatKeys(v, path);
		});
	}
	return [prefix];
}

/** Every result is newest first by `field` and has a unique `id`: what Zapier's dedupe needs. */
export function expectDedupeContract(items: Array<Record<string, unknown>>, field: string): void {
	const ids = items.map((item) => item.id);
	expect(new Set(ids).size).toBe(ids.length);
	for (const id of ids) expect(typeof id === 'string' && id.length > 0).toBe(true);
	const times = items.map((item) => Date.parse(String(item[field])));
	expect([...times].sort((a, b) => b - a)).toEqual(times);
}
