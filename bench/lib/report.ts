/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only benchmark, never shipped in the n8n package */
/** The results file (bench/results/<date>.json) and the tables printed from it (Markdown, as the README quotes them). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/n8n/instance';

export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
	const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function writeResults(results: object, date = new Date()): string {
	const dir = join(repoRoot, 'bench/results');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${date.toISOString().slice(0, 10)}.json`);
	writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);
	return file;
}

export const percent = (share: number) => `${(share * 100).toFixed(share && share < 0.01 ? 1 : 0)} %`;
