import { breakdownOf, periodStart, timeseriesOf, UNKNOWN_VALUE, type ClickRecord } from '../../core';

const click = (at: string, extra: Partial<ClickRecord> = {}): ClickRecord => ({
	clicked_at: at,
	country: null,
	city: null,
	device: null,
	browser: null,
	os: null,
	referer: null,
	...extra,
});

describe('breakdowns computed from click events', () => {
	it('counts each value, most first, with shares, and names missing values', () => {
		const clicks = [
			click('2026-11-01T10:00:00Z', { country: 'US' }),
			click('2026-11-01T10:01:00Z', { country: 'US' }),
			click('2026-11-01T10:02:00Z', { country: 'DE' }),
			click('2026-11-01T10:03:00Z'),
		];
		expect(breakdownOf(clicks, 'country')).toEqual([
			{ value: 'US', clicks: 2, share: 0.5 },
			{ value: UNKNOWN_VALUE, clicks: 1, share: 0.25 },
			{ value: 'DE', clicks: 1, share: 0.25 },
		]);
		expect(breakdownOf([], 'device')).toEqual([]);
	});
});

describe('timeseries computed from click events', () => {
	it('puts clicks in UTC periods, oldest first, with empty periods in between', () => {
		const clicks = [click('2026-11-03T23:59:59Z'), click('2026-11-01T00:00:00Z'), click('2026-11-01T13:00:00Z')];
		expect(timeseriesOf(clicks, 'day')).toEqual([
			{ period: '2026-11-01T00:00:00.000Z', clicks: 2 },
			{ period: '2026-11-02T00:00:00.000Z', clicks: 0 },
			{ period: '2026-11-03T00:00:00.000Z', clicks: 1 },
		]);
	});

	it('covers the whole requested range, even with no clicks', () => {
		const rows = timeseriesOf([], 'hour', { from: '2026-11-01T10:30:00Z', to: '2026-11-01T12:10:00Z' });
		expect(rows.map((r) => r.period)).toEqual(['2026-11-01T10:00:00.000Z', '2026-11-01T11:00:00.000Z', '2026-11-01T12:00:00.000Z']);
		expect(rows.every((r) => r.clicks === 0)).toBe(true);
	});

	it('starts weeks on Monday and months on the 1st', () => {
		// 2026-11-05 is a Thursday; its ISO week starts Monday 2026-11-02.
		expect(new Date(periodStart(Date.parse('2026-11-05T15:00:00Z'), 'week')).toISOString()).toBe('2026-11-02T00:00:00.000Z');
		expect(new Date(periodStart(Date.parse('2026-11-02T00:00:00Z'), 'week')).toISOString()).toBe('2026-11-02T00:00:00.000Z');
		expect(new Date(periodStart(Date.parse('2026-11-01T12:00:00Z'), 'week')).toISOString()).toBe('2026-10-26T00:00:00.000Z');
		const months = timeseriesOf([click('2026-01-31T23:00:00Z'), click('2026-03-01T00:00:00Z')], 'month');
		expect(months).toEqual([
			{ period: '2026-01-01T00:00:00.000Z', clicks: 1 },
			{ period: '2026-02-01T00:00:00.000Z', clicks: 0 },
			{ period: '2026-03-01T00:00:00.000Z', clicks: 1 },
		]);
	});
});
