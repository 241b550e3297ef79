import { LinkkitError, resolveDateRange } from '../../core';

const now = Date.UTC(2026, 11, 3, 15, 30); // Thursday 3 December 2026, 15:30 UTC

describe('date ranges', () => {
	it.each([
		['today', '2026-12-03T00:00:00.000Z', '2026-12-03T15:30:00.000Z'],
		['yesterday', '2026-12-02T00:00:00.000Z', '2026-12-02T23:59:59.999Z'],
		['last7Days', '2026-11-26T15:30:00.000Z', '2026-12-03T15:30:00.000Z'],
		['thisMonth', '2026-12-01T00:00:00.000Z', '2026-12-03T15:30:00.000Z'],
		['lastMonth', '2026-11-01T00:00:00.000Z', '2026-11-30T23:59:59.999Z'],
	] as const)('%s is an inclusive UTC period', (preset, from, to) => {
		expect(resolveDateRange({ preset }, now)).toEqual({ from, to });
	});

	it('sends no range for "all" and when nothing is given', () => {
		expect(resolveDateRange({ preset: 'all' }, now)).toEqual({});
		expect(resolveDateRange({}, now)).toEqual({});
	});

	it('custom: From required, To optional, To not before From; zone-less dates are UTC', () => {
		expect(resolveDateRange({ preset: 'custom', from: '2026-11-01', to: '2026-11-02T10:00' }, now)).toEqual({
			from: '2026-11-01T00:00:00.000Z',
			to: '2026-11-02T10:00:00.000Z',
		});
		expect(resolveDateRange({ from: '2026-11-01T00:00:00+02:00' }, now)).toEqual({ from: '2026-10-31T22:00:00.000Z' });
		expect(() => resolveDateRange({ preset: 'custom' }, now)).toThrow(/from: is required/);
		expect(() => resolveDateRange({ preset: 'custom', from: '2026-11-02', to: '2026-11-01' }, now)).toThrow(/to: must not be before From/);
	});

	it('refuses dates given with a preset rather than silently ignoring them', () => {
		let error: unknown;
		try {
			resolveDateRange({ preset: 'today', from: '2026-11-01' }, now);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(LinkkitError);
		expect((error as LinkkitError).field).toBe('from');
	});
});
