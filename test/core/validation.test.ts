import {
	applyUtmTemplate,
	buildLinkBody,
	buildLinkUpdate,
	LinkkitError,
	normaliseBaseUrl,
	validateCents,
	validateColor,
	validateCurrency,
	validateIsoDate,
	validateJsonObject,
	validateShortCode,
	validateUrl,
	validateUuid,
} from '../../core';

function fieldOf(fn: () => unknown): { field?: string; message: string } {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(LinkkitError);
		const e = error as LinkkitError;
		expect(e.code).toBe('invalid_input');
		return { field: e.field, message: e.message };
	}
	throw new Error('expected a validation error');
}

const now = Date.UTC(2026, 11, 3, 12);

describe('URL validation', () => {
	it.each([
		['https://example.com/page?x=1', 'https://example.com/page?x=1'],
		['  http://example.com  ', 'http://example.com'],
	])('accepts %s', (input, expected) => expect(validateUrl('original_url', input)).toBe(expected));

	it.each([
		['javascript:alert(1)', /only http:\/\/ and https:\/\/.*javascript:/],
		['ftp://example.com/file', /only http:\/\/ and https:\/\/.*ftp:/],
		['example.com', /not a full web address/],
		['https://exa mple.com', /must not contain spaces/],
		['', /is required/],
		[`https://example.com/${'a'.repeat(2100)}`, /at most 2048/],
	])('refuses %s with a clear message naming the field', (input, message) => {
		const { field, message: text } = fieldOf(() => validateUrl('original_url', input));
		expect(field).toBe('original_url');
		expect(text).toMatch(message);
	});
});

describe('short codes follow Linkkit\'s rule (≥ 3 of letters, digits, - and _)', () => {
	it.each(['abc', 'Summer_Sale-2026', 'x1y'])('accepts %s', (code) => expect(validateShortCode('short_code', code)).toBe(code));
	it.each(['ab', 'a b c', 'ümlaut', 'a/b', '   '])('refuses %j', (code) => expect(fieldOf(() => validateShortCode('short_code', code)).field).toBe('short_code'));
});

describe('other fields', () => {
	it('colours become #RRGGBB', () => {
		expect(validateColor('color', '3b82f6')).toBe('#3B82F6');
		expect(validateColor('color', '#abc')).toBe('#AABBCC');
		expect(fieldOf(() => validateColor('color', 'blue')).message).toMatch(/not a colour such as #3B82F6/);
	});

	it('UUIDs name the object they should be', () => {
		expect(validateUuid('list_id', '3F6C1A9E-8B2D-4C71-9E0A-5D4B7F2C1E88', 'segment')).toBe('3f6c1a9e-8b2d-4c71-9e0a-5d4b7f2c1e88');
		expect(fieldOf(() => validateUuid('list_id', 'lst_123', 'segment')).message).toMatch(/not a segment ID/);
	});

	it('amounts are whole cents; currencies three letters, lower case', () => {
		expect(validateCents('amount', '4999')).toBe(4999);
		expect(fieldOf(() => validateCents('amount', 49.99)).message).toMatch(/whole number of cents \(4999 for 49.99\)/);
		expect(fieldOf(() => validateCents('amount', -1)).field).toBe('amount');
		expect(validateCurrency('currency', 'EUR')).toBe('eur');
		expect(fieldOf(() => validateCurrency('currency', 'euro')).field).toBe('currency');
	});

	it('metadata is an object or JSON text of one', () => {
		expect(validateJsonObject('metadata', '{"plan":"pro"}')).toEqual({ plan: 'pro' });
		expect(fieldOf(() => validateJsonObject('metadata', '[1]')).message).toMatch(/must be an object/);
		expect(fieldOf(() => validateJsonObject('metadata', '{oops')).message).toMatch(/not valid JSON/);
	});

	it('dates accept ISO 8601 with or without a zone', () => {
		expect(validateIsoDate('expire_at', '2027-01-01')).toBe('2027-01-01T00:00:00.000Z');
		expect(fieldOf(() => validateIsoDate('expire_at', '01/02/2027')).message).toMatch(/ISO 8601/);
	});
});

describe('link bodies', () => {
	it('a create needs the destination and leaves blanks out', () => {
		expect(buildLinkBody({ original_url: 'https://example.com', title: '', notes: '  ', custom_domain: 'Go.Acme.com' }, now)).toEqual({
			original_url: 'https://example.com',
			custom_domain: 'go.acme.com',
		});
		expect(fieldOf(() => buildLinkBody({ title: 'x' }, now)).field).toBe('original_url');
		expect(fieldOf(() => buildLinkBody({ original_url: 'https://example.com', expire_at: '2020-01-01' }, now)).message).toMatch(/in the past/);
	});

	it('an update changes only what is given, null clears, and needs something', () => {
		expect(buildLinkUpdate({ title: null, short_code: 'new-code', is_active: 'false' }, now)).toEqual({ title: null, short_code: 'new-code', is_active: false });
		expect(fieldOf(() => buildLinkUpdate({}, now)).field).toBe('fields');
	});

	it('a campaign setting writes its UTM parameters into the destination', () => {
		const template = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'summer sale', utm_term: null, utm_content: '', ref: 'acme' };
		const body = buildLinkBody({ original_url: 'https://example.com/p?utm_source=old&x=1', utmTemplate: template }, now);
		const url = new URL(body.original_url);
		expect(url.searchParams.get('utm_source')).toBe('newsletter');
		expect(url.searchParams.get('utm_medium')).toBe('email');
		expect(url.searchParams.get('utm_campaign')).toBe('summer sale');
		expect(url.searchParams.get('ref')).toBe('acme');
		expect(url.searchParams.get('x')).toBe('1');
		expect(url.searchParams.has('utm_term')).toBe(false);
		expect(applyUtmTemplate('https://example.com/', {})).toBe('https://example.com/');
	});
});

describe('base URL', () => {
	it('defaults to Linkkit, allows plain http only on the loopback, drops a trailing /v1', () => {
		expect(normaliseBaseUrl('')).toBe('https://api.uselinkkit.com');
		expect(normaliseBaseUrl('http://127.0.0.1:4010/v1/')).toBe('http://127.0.0.1:4010');
		expect(fieldOf(() => normaliseBaseUrl('http://api.example.com')).field).toBe('baseUrl');
	});
});
