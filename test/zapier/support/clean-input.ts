/**
 * What Zapier does to `bundle.inputData` when an operation runs with `cleanInputData: true` (documented in
 * zapier-platform-schema's AppFlagsSchema and Zapier's "Empty values in input data"): empty strings, null, undefined,
 * empty arrays and empty objects are removed, recursively. createAppTester does not apply it (Zapier's backend does),
 * so tests that compare both settings apply it here.
 */
export function zapierCleaned(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(zapierCleaned).filter((entry) => !isEmpty(entry));
	}
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.map(([key, entry]) => [key, zapierCleaned(entry)] as const)
			.filter(([, entry]) => !isEmpty(entry));
		return Object.fromEntries(entries);
	}
	return value;
}

function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object') return Object.keys(value as object).length === 0;
	return false;
}
