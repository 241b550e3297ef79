// Regenerates everything the code derives from docs/openapi.yaml:
//   core/generated/openapi.d.ts   TypeScript types of every schema and operation (openapi-typescript)
//   core/generated/operations.ts  operationId → method and path, for requests and messages
// Run `npm run generate:contract` after changing the document; a contract test fails while these are stale.
/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- dev-only tool, never shipped in the n8n package */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..');
const docPath = join(root, 'docs/openapi.yaml');

interface OperationObject {
	operationId: string;
	summary?: string;
}

export function renderOperations(doc: { paths: Record<string, Record<string, OperationObject>> }): string {
	const lines: string[] = [];
	for (const [path, item] of Object.entries(doc.paths)) {
		for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
			const op = item[method];
			if (!op) continue;
			if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
			lines.push(`\t${op.operationId}: { method: '${method.toUpperCase()}', path: '${path}', summary: ${JSON.stringify(op.summary)} },`);
		}
	}
	return [
		'// Generated from docs/openapi.yaml by `npm run generate:contract`. Do not edit by hand.',
		'',
		'export const operations = {',
		...lines,
		'} as const;',
		'',
		'export type OperationId = keyof typeof operations;',
		'export type Operation = (typeof operations)[OperationId];',
		'',
	].join('\n');
}

if (require.main === module) {
	const doc = parse(readFileSync(docPath, 'utf8'));
	writeFileSync(join(root, 'core/generated/operations.ts'), renderOperations(doc));
	execFileSync(
		join(root, 'node_modules/.bin/openapi-typescript'),
		[docPath, '-o', join(root, 'core/generated/openapi.d.ts')],
		{ stdio: 'inherit' },
	);
	console.log('core/generated/ is up to date with docs/openapi.yaml');
}
