/**
 * Date ranges as people choose them (presets or custom From/To), turned into the explicit UTC `from`/`to` that
 * Linkkit's analytics and conversions take (both inclusive), the same way on every platform.
 */

import { inputError } from './errors';
import { isBlank, validateIsoDate } from './validation';

/** Date-range choices offered to people; `custom` uses from/to, `all` sends no range. */
export const datePresets = ['today', 'yesterday', 'last7Days', 'last30Days', 'last90Days', 'thisMonth', 'lastMonth', 'custom', 'all'] as const;
export type DatePreset = (typeof datePresets)[number];

export interface DateRangeInput {
	preset?: DatePreset;
	from?: string | Date;
	to?: string | Date;
}

export interface DateRange {
	from?: string;
	to?: string;
}

const DAY = 86_400_000;

function startOfUtcDay(ms: number): number {
	const d = new Date(ms);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** Turns a preset into an explicit UTC period, so every platform means the same thing by "last 7 days". */
export function resolveDatePreset(preset: Exclude<DatePreset, 'custom' | 'all'>, now: number): Required<DateRange> {
	const today = startOfUtcDay(now);
	const iso = (ms: number) => new Date(ms).toISOString();
	const d = new Date(now);
	switch (preset) {
		case 'today':
			return { from: iso(today), to: iso(now) };
		case 'yesterday':
			return { from: iso(today - DAY), to: iso(today - 1) };
		case 'last7Days':
			return { from: iso(now - 7 * DAY), to: iso(now) };
		case 'last30Days':
			return { from: iso(now - 30 * DAY), to: iso(now) };
		case 'last90Days':
			return { from: iso(now - 90 * DAY), to: iso(now) };
		case 'thisMonth':
			return { from: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)), to: iso(now) };
		case 'lastMonth':
			return { from: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)), to: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - 1) };
		default:
			throw inputError('dateRange', `"${String(preset)}" is not one of ${datePresets.join(', ')}`);
	}
}

/** Validates and resolves a range; both ends inclusive, as Linkkit reads them. */
export function resolveDateRange(input: DateRangeInput, now: number): DateRange {
	const preset = input.preset ?? (isBlank(input.from) && isBlank(input.to) ? 'all' : 'custom');
	if (!(datePresets as readonly string[]).includes(preset)) throw inputError('dateRange', `"${String(preset)}" is not one of ${datePresets.join(', ')}`);
	if (preset !== 'custom') {
		// A preset with dates filled in as well would silently ignore the dates: say so instead.
		if (!isBlank(input.from) || !isBlank(input.to)) {
			throw inputError(isBlank(input.from) ? 'to' : 'from', 'is used only with the Custom date range — choose Custom, or clear From and To');
		}
		return preset === 'all' ? {} : resolveDatePreset(preset, now);
	}
	if (isBlank(input.from)) throw inputError('from', 'is required for a Custom date range');
	const range: DateRange = { from: validateIsoDate('from', input.from) };
	if (!isBlank(input.to)) range.to = validateIsoDate('to', input.to);
	if (range.to && Date.parse(range.to) < Date.parse(range.from as string)) throw inputError('to', 'must not be before From');
	return range;
}
