/**
 * RFC 4180 CSV (A29): CRLF line ends, a field quoted when it holds a comma, quote or line break, quotes doubled.
 * Small enough that a library would add more than it saves.
 */
export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
	return `${values.map(field).join(',')}\r\n`;
}
