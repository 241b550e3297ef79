import { DERIVED_CODE_LENGTH, derivedShortCode, identityOf, limits, stableJson } from '../../core';

describe('derived short codes', () => {
	it('are the same for the same identity and attempt, and valid Linkkit codes', () => {
		const code = derivedShortCode('run-1:item-0');
		expect(derivedShortCode('run-1:item-0')).toBe(code);
		expect(code).toHaveLength(DERIVED_CODE_LENGTH);
		expect(code).toMatch(limits.shortCodePattern);
		expect(code).toMatch(/^[A-Za-z0-9]{10}$/);
	});

	it('differ between identities and between attempts of one identity', () => {
		const codes = new Set<string>();
		for (let i = 0; i < 5_000; i++) codes.add(derivedShortCode(`identity-${i}`));
		expect(codes.size).toBe(5_000);
		expect(derivedShortCode('x', 0)).not.toBe(derivedShortCode('x', 1));
		expect(derivedShortCode('x', 1)).not.toBe(derivedShortCode('x', 2));
	});

	it('use every character about equally often (no bias towards part of the alphabet)', () => {
		const counts = new Map<string, number>();
		const n = 20_000;
		for (let i = 0; i < n; i++) for (const c of derivedShortCode(`u${i}`)) counts.set(c, (counts.get(c) ?? 0) + 1);
		expect(counts.size).toBe(62);
		const expected = (n * DERIVED_CODE_LENGTH) / 62;
		// Chi-square with 61 degrees of freedom: 99.9 % of unbiased samples stay below 100.9.
		const chi = [...counts.values()].reduce((sum, seen) => sum + (seen - expected) ** 2 / expected, 0);
		expect(chi).toBeLessThan(100.9);
	});

	it('identityOf hides its parts and separates them unambiguously', () => {
		expect(identityOf('a', 'bc')).not.toBe(identityOf('ab', 'c'));
		expect(identityOf('wf', 'node', 1)).toMatch(/^[0-9a-f]{64}$/);
		expect(identityOf('secret-part')).not.toContain('secret');
	});

	it('stableJson orders keys and drops undefined members', () => {
		expect(stableJson({ b: 1, a: [2, { d: undefined, c: 'x' }] })).toBe('{"a":[2,{"c":"x"}],"b":1}');
		expect(stableJson({ a: 1, b: 2 })).toBe(stableJson({ b: 2, a: 1 }));
	});
});
