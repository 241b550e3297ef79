import { LinkkitError, shortCodeFrom, shortUrlOf } from '../../core';

describe('short URLs', () => {
	it('use the custom domain when the link has one, uselinkkit.com otherwise', () => {
		expect(shortUrlOf({ short_code: 'abc123', custom_domain: null })).toBe('https://uselinkkit.com/abc123');
		expect(shortUrlOf({ short_code: 'abc123', custom_domain: 'go.acme.com' })).toBe('https://go.acme.com/abc123');
	});

	it.each([
		['abc123', 'abc123'],
		['  summer-sale ', 'summer-sale'],
		['https://uselinkkit.com/abc123', 'abc123'],
		['uselinkkit.com/abc123', 'abc123'],
		['https://go.acme.com/Promo_1?utm=x#top', 'Promo_1'],
		['http://127.0.0.1:4010/r/xyz789', 'xyz789'],
	])('reads the code from %j', (input, code) => {
		expect(shortCodeFrom('link', input)).toBe(code);
	});

	it.each([
		['', /is required/],
		['ab', /not a short code/],
		['has space', /not a short code/],
		['https://uselinkkit.com/', /no short code after the domain/],
	])('refuses %j, naming the field', (input, message) => {
		let error: unknown;
		try {
			shortCodeFrom('link', input);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(LinkkitError);
		expect((error as LinkkitError).field).toBe('link');
		expect((error as LinkkitError).message).toMatch(message);
	});
});
