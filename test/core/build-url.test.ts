import { buildUrl } from '../../core';

describe('buildUrl', () => {
	it('encodes spaces as %20 and reserved characters strictly, so strict servers accept search text', () => {
		const url = buildUrl('https://api.example.com/', '/v1/campaigns', { search: "spring sale + (vip)'s!*", limit: 20 });
		expect(url).toBe('https://api.example.com/v1/campaigns?search=spring%20sale%20%2B%20%28vip%29%27s%21%2A&limit=20');
		expect(new URL(url).searchParams.get('search')).toBe("spring sale + (vip)'s!*");
	});

	it('leaves out blank values', () => {
		expect(buildUrl('https://api.example.com', '/v1/links', { search: '', tag: undefined, cursor: null })).toBe('https://api.example.com/v1/links');
	});
});
