/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- dev-only test code, never shipped in the n8n package */
/**
 * docs/openapi.yaml is the single source: the generated types and operation table, and the
 * validation limits written into the core, must say what it says. Change the document, run
 * `npm run generate:contract`, and these tests point at whatever still disagrees.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { conversionTypes, limits, operations, UTM_PARAMETERS, webhookEvents } from '../../core';
import { clickDimensions } from '../../core/resources/click-stats';

const root = join(__dirname, '../..');
const doc = parse(readFileSync(join(root, 'docs/openapi.yaml'), 'utf8'));
const schemas = doc.components.schemas;

describe('generated code is in step with docs/openapi.yaml', () => {
	it('operations table', async () => {
		const { renderOperations } = await import('../../scripts/generate-contract');
		expect(readFileSync(join(root, 'core/generated/operations.ts'), 'utf8')).toBe(renderOperations(doc));
		expect(Object.keys(operations)).toContain('bulkCreateLinks');
	});

	it('TypeScript types', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'linkkit-types-')), 'openapi.d.ts');
		execFileSync(join(root, 'node_modules/.bin/openapi-typescript'), [join(root, 'docs/openapi.yaml'), '-o', out], { stdio: 'pipe' });
		expect(readFileSync(join(root, 'core/generated/openapi.d.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'));
	});
});

describe('core limits and enumerations match the contract', () => {
	const paths = doc.paths;

	it("short codes: PATCH's short_code rule", () => {
		const rule = paths['/v1/links/{shortCode}'].patch.requestBody.content['application/json'].schema.properties.short_code;
		expect(limits.shortCodePattern.source).toBe(rule.pattern);
		expect(limits.shortCodeMinLength).toBe(rule.minLength);
	});

	it('page size and bulk size', () => {
		expect(limits.pageSizeMax).toBe(doc.components.parameters.LimitParam.schema.maximum);
		expect(limits.bulkMaxLinks).toBe(paths['/v1/links/bulk'].post.requestBody.content['application/json'].schema.properties.links.maxItems);
	});

	it('webhook events, conversion types, UTM template fields, click fields', () => {
		expect([...webhookEvents]).toEqual(schemas.WebhookEvent.enum);
		expect([...conversionTypes]).toEqual(schemas.ConversionType.enum);
		expect([...UTM_PARAMETERS]).toEqual(Object.keys(schemas.UtmTemplate.properties).filter((k) => !['id', 'name', 'created_at'].includes(k)));
		for (const dimension of clickDimensions) expect(Object.keys(schemas.Click.properties)).toContain(dimension);
	});
});
