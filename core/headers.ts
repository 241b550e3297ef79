/** Case-insensitive header access over the loose header maps that HTTP clients return. */

import type { HttpResponse } from './transport';

export function header(response: HttpResponse, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(response.headers ?? {})) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		return Array.isArray(value) ? value[0] : String(value);
	}
	return undefined;
}

export function numericHeader(response: HttpResponse, name: string): number | undefined {
	const raw = header(response, name);
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) ? value : undefined;
}
