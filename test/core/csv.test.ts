import { parseCsv } from '../../core';

describe('CSV exports', () => {
	it('reads rows by header name, with quotes, doubled quotes, commas and line breaks inside fields', () => {
		const text =
			'\ufeffShort Code,Clicked At,Country,City,Device,Browser,OS,Referer\r\n' +
			'abc123,2026-11-01T10:00:00.000Z,US,"New York, NY",mobile,Chrome,iOS,https://twitter.com\r\n' +
			'abc123,2026-11-01T11:00:00.000Z,,,desktop,"Fire""fox",Linux,"a\nb"\n';
		expect(parseCsv(text)).toEqual([
			{ 'Short Code': 'abc123', 'Clicked At': '2026-11-01T10:00:00.000Z', Country: 'US', City: 'New York, NY', Device: 'mobile', Browser: 'Chrome', OS: 'iOS', Referer: 'https://twitter.com' },
			{ 'Short Code': 'abc123', 'Clicked At': '2026-11-01T11:00:00.000Z', Country: '', City: '', Device: 'desktop', Browser: 'Fire"fox', OS: 'Linux', Referer: 'a\nb' },
		]);
	});

	it('gives no rows for a header alone or an empty body, and tolerates a missing final newline', () => {
		expect(parseCsv('A,B\n')).toEqual([]);
		expect(parseCsv('')).toEqual([]);
		expect(parseCsv('A,B\n1,2')).toEqual([{ A: '1', B: '2' }]);
	});
});
