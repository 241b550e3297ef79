/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * docs/openapi.yaml must state Linkkit's published API exactly: its structural digest (paths, methods, parameters,
 * schemas with types, requiredness, nullability and enums, statuses, security) must equal the committed digest of
 * Linkkit's own document (docs/linkkit-published.digest.json, made by `npm run contract:digest`). When this fails,
 * the difference printed is what one of the two documents says and the other does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { digestFile, digestOpenApi, DIGEST_PATH } from '../../scripts/contract/digest';

const root = join(__dirname, '../..');
const published = JSON.parse(readFileSync(DIGEST_PATH, 'utf8')) as { source: Record<string, string>; digest: Record<string, unknown> };
const ours = digestFile(join(root, 'docs/openapi.yaml'));

describe("docs/openapi.yaml states Linkkit's published API", () => {
	it('the committed digest names its source', () => {
		expect(published.source.repository).toBe('https://github.com/Linkkit-Space/linkkit-ts-sdk');
		expect(published.source.path).toBe('.speakeasy/out.openapi.yaml');
		expect(published.source.commit).toMatch(/^[0-9a-f]{40}$/);
		expect(published.source.sha256).toMatch(/^[0-9a-f]{64}$/);
	});

	it('has the same operations', () => {
		expect(Object.keys(ours.operations as object).sort()).toEqual(Object.keys(published.digest.operations as object).sort());
	});

	it.each(Object.keys(published.digest.operations as object))('%s: same parameters, bodies, statuses and security', (operation) => {
		expect((ours.operations as Record<string, unknown>)[operation]).toEqual((published.digest.operations as Record<string, unknown>)[operation]);
	});

	it('same schemas, servers, security schemes and OpenAPI version', () => {
		expect(ours.schemas).toEqual(published.digest.schemas);
		expect(ours.servers).toEqual(published.digest.servers);
		expect(ours.security).toEqual(published.digest.security);
		expect(ours.securitySchemes).toEqual(published.digest.securitySchemes);
		expect(ours.openapi).toBe(published.digest.openapi);
	});

	it('every operation has an operationId, so the core and the sandbox can name it', () => {
		const doc = parse(readFileSync(join(root, 'docs/openapi.yaml'), 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> };
		const missing = Object.entries(doc.paths).flatMap(([path, item]) =>
			Object.entries(item)
				.filter(([, op]) => typeof op === 'object' && !op.operationId)
				.map(([method]) => `${method} ${path}`),
		);
		expect(missing).toEqual([]);
	});
});

describe('the digest can fail', () => {
	const doc = () => parse(readFileSync(join(root, 'docs/openapi.yaml'), 'utf8'));

	it('notices a changed type, a dropped required field, a new status and a renamed parameter', () => {
		const base = JSON.stringify(digestOpenApi(doc()));
		const typeChanged = doc();
		typeChanged.components.schemas.Link.properties.is_active.type = 'string';
		const requiredDropped = doc();
		requiredDropped.components.schemas.TagInput.required = [];
		const statusAdded = doc();
		statusAdded.paths['/v1/links/{shortCode}'].put.responses['409'] = { description: 'taken' };
		const paramRenamed = doc();
		paramRenamed.paths['/v1/links'].get.parameters[2].name = 'q';
		for (const changed of [typeChanged, requiredDropped, statusAdded, paramRenamed]) {
			expect(JSON.stringify(digestOpenApi(changed))).not.toBe(base);
		}
	});

	it('ignores what is only wording: descriptions, summaries, examples, operation IDs', () => {
		const base = JSON.stringify(digestOpenApi(doc()));
		const reworded = doc();
		reworded.paths['/v1/links'].get.description = 'Something else entirely';
		reworded.paths['/v1/links'].get.operationId = 'somethingElse';
		reworded.components.schemas.Link.properties.short_code.example = 'zzz';
		expect(JSON.stringify(digestOpenApi(reworded))).toBe(base);
	});
});
