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
import { limits, operations, segmentRuleFields, segmentRuleOperators, utmKeys } from '../../core';
import { campaignStatuses } from '../../core/resources/campaigns';
import { devices, dimensions, intervals } from '../../core/resources/analytics';

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

describe('scopes', () => {
	it('the Scope enum lists exactly the scopes operations need, and only GET /v1/api-key needs none', () => {
		const needed = new Set<string>();
		const anyKey: string[] = [];
		for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
			for (const [method, op] of Object.entries(item)) {
				if (!path.startsWith('/v1/') || typeof op !== 'object' || !('x-linkkit-scope' in op)) continue;
				if (op['x-linkkit-scope'] === null) anyKey.push(`${method.toUpperCase()} ${path}`);
				else needed.add(String(op['x-linkkit-scope']));
			}
		}
		expect([...schemas.Scope.enum].sort()).toEqual([...needed].sort());
		expect(anyKey).toEqual(['GET /v1/api-key']);
	});
});

describe('core validation limits match the contract', () => {
	it('patterns and lengths', () => {
		expect(limits.slugPattern.source).toBe(schemas.Slug.pattern);
		expect(limits.domainPattern.source).toBe(schemas.Domain.pattern);
		expect(limits.destinationMaxLength).toBe(schemas.Destination.maxLength);
		expect(limits.titleMaxLength).toBe(schemas.LinkCreate.properties.title.maxLength);
		expect(limits.descriptionMaxLength).toBe(schemas.LinkCreate.properties.description.maxLength);
		expect(limits.nameMaxLength).toBe(schemas.CampaignCreate.properties.name.maxLength);
		expect(limits.tagMaxLength).toBe(schemas.Tag.maxLength);
		expect(limits.maxTags).toBe(schemas.Tags.maxItems);
		expect(limits.utmMaxLength).toBe(schemas.UtmValue.maxLength);
		expect(limits.maxSegmentRoutes).toBe(schemas.SegmentRoutes.maxItems);
		expect(limits.maxRules).toBe(schemas.SegmentCreate.properties.rules.maxItems);
		expect(limits.ruleValueMaxLength).toBe(schemas.SegmentRule.properties.value.maxLength);
	});

	it('enumerations', () => {
		expect([...segmentRuleFields]).toEqual(schemas.SegmentRuleField.enum);
		expect([...segmentRuleOperators]).toEqual(schemas.SegmentRuleOperator.enum);
		expect([...utmKeys]).toEqual(Object.keys(schemas.Utm.properties));
		expect([...campaignStatuses]).toEqual(schemas.CampaignStatus.enum);
		expect([...devices]).toEqual(schemas.Device.enum);
		expect([...dimensions]).toEqual(schemas.Dimension.enum);
		expect([...intervals]).toEqual(schemas.Interval.enum);
	});

	it('ID prefixes', () => {
		for (const [kind, prefix] of Object.entries(limits.idPrefixes)) {
			const schema = schemas[`${kind[0].toUpperCase()}${kind.slice(1)}Id`];
			expect(schema.pattern).toBe(`^${prefix}[A-Za-z0-9]+$`);
		}
	});
});
