// The structural digest of an OpenAPI document: what a client relies on (paths, methods, parameters, request and
// response schemas with types, formats, requiredness, nullability, enums, limits and defaults, statuses, security),
// with $refs resolved and allOf merged, and nothing a writer may word differently (descriptions, summaries, examples,
// tags, operation IDs, vendor extensions). Two documents describe the same API exactly when their digests are equal.
//
//   npm run contract:digest -- <path to Linkkit's out.openapi.yaml> [commit]
// writes docs/linkkit-published.digest.json from Linkkit's published document (see README, "When Linkkit publishes a
// change"); test/contract/published-api.test.ts compares it with the digest of docs/openapi.yaml.
/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only tool, never shipped in the n8n package */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'] as const;
/** Schema keywords that change what is valid or what a client receives. */
const SCHEMA_FACTS = [
	'type', 'format', 'nullable', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
	'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'readOnly', 'writeOnly',
] as const;

export const DIGEST_PATH = join(__dirname, '..', '..', 'docs', 'linkkit-published.digest.json');

function resolve(doc: Node, value: unknown, seen: string[] = []): Node {
	let node = value as Node;
	while (node && typeof node === 'object' && typeof node.$ref === 'string') {
		const ref = node.$ref;
		if (seen.includes(ref)) throw new Error(`circular $ref ${ref}`);
		seen = [...seen, ref];
		if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} is not supported`);
		node = ref
			.slice(2)
			.split('/')
			.reduce<unknown>((at, key) => (at as Node | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Node;
		if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
	}
	return node;
}

function schemaDigest(doc: Node, raw: unknown, depth = 0): Json {
	if (depth > 32) throw new Error('schema nested too deeply');
	const schema = resolve(doc, raw);
	if (!schema || typeof schema !== 'object') return null;
	// allOf: merged into one object schema (properties and required united), as a client sees it.
	const parts = Array.isArray(schema.allOf) ? [schema, ...(schema.allOf as unknown[]).map((p) => resolve(doc, p))] : [schema];
	const out: { [key: string]: Json } = {};
	const properties: { [key: string]: Json } = {};
	const required = new Set<string>();
	for (const part of parts) {
		for (const fact of SCHEMA_FACTS) if (part[fact] !== undefined) out[fact] = part[fact] as Json;
		for (const name of (part.required as string[] | undefined) ?? []) required.add(name);
		for (const [name, sub] of Object.entries((part.properties as Node | undefined) ?? {})) properties[name] = schemaDigest(doc, sub, depth + 1);
		if (part.items !== undefined) out.items = schemaDigest(doc, part.items, depth + 1);
		if (part.additionalProperties !== undefined) {
			out.additionalProperties = typeof part.additionalProperties === 'object' ? schemaDigest(doc, part.additionalProperties, depth + 1) : (part.additionalProperties as Json);
		}
		for (const combinator of ['oneOf', 'anyOf'] as const) {
			if (Array.isArray(part[combinator])) out[combinator] = (part[combinator] as unknown[]).map((p) => schemaDigest(doc, p, depth + 1));
		}
	}
	if (Object.keys(properties).length) out.properties = sortKeys(properties);
	if (required.size) out.required = [...required].sort();
	return sortKeys(out);
}

function sortKeys(value: { [key: string]: Json }): { [key: string]: Json } {
	return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function contentDigest(doc: Node, content: unknown): Json {
	const out: { [key: string]: Json } = {};
	for (const [mediaType, media] of Object.entries((content as Node | undefined) ?? {})) {
		out[mediaType] = schemaDigest(doc, (media as Node).schema);
	}
	return sortKeys(out);
}

function securityDigest(security: unknown): Json {
	if (security === undefined) return 'inherited';
	return (security as Node[]).map((requirement) => Object.keys(requirement).sort().join('+')).sort();
}

export function digestOpenApi(doc: Node): { [key: string]: Json } {
	const components = (doc.components as Node | undefined) ?? {};
	const schemes: { [key: string]: Json } = {};
	for (const [name, raw] of Object.entries((components.securitySchemes as Node | undefined) ?? {})) {
		const scheme = resolve(doc, raw);
		schemes[name] = sortKeys(Object.fromEntries(['type', 'scheme', 'in', 'name', 'bearerFormat'].filter((k) => scheme[k] !== undefined).map((k) => [k, scheme[k] as Json])));
	}
	const operations: { [key: string]: Json } = {};
	for (const [path, rawItem] of Object.entries((doc.paths as Node | undefined) ?? {})) {
		const item = resolve(doc, rawItem);
		for (const method of METHODS) {
			const op = item[method] as Node | undefined;
			if (!op) continue;
			const parameters: { [key: string]: Json } = {};
			for (const rawParam of [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])]) {
				const param = resolve(doc, rawParam);
				parameters[`${param.in} ${param.name}`] = sortKeys({ required: param.required === true, schema: schemaDigest(doc, param.schema) });
			}
			const responses: { [key: string]: Json } = {};
			for (const [status, rawResponse] of Object.entries((op.responses as Node | undefined) ?? {})) {
				const response = resolve(doc, rawResponse);
				responses[status] = sortKeys({ content: contentDigest(doc, response.content), headers: Object.keys((response.headers as Node | undefined) ?? {}).sort() });
			}
			const body = op.requestBody ? resolve(doc, op.requestBody) : undefined;
			operations[`${method.toUpperCase()} ${path}`] = sortKeys({
				parameters: sortKeys(parameters),
				requestBody: body ? sortKeys({ required: body.required === true, content: contentDigest(doc, body.content) }) : null,
				responses: sortKeys(responses),
				security: securityDigest(op.security),
			});
		}
	}
	const schemas: { [key: string]: Json } = {};
	for (const name of Object.keys((components.schemas as Node | undefined) ?? {})) schemas[name] = schemaDigest(doc, { $ref: `#/components/schemas/${name}` });
	return sortKeys({
		openapi: String(doc.openapi),
		servers: ((doc.servers as Node[] | undefined) ?? []).map((server) => String(server.url)),
		security: securityDigest(doc.security),
		securitySchemes: sortKeys(schemes),
		operations: sortKeys(operations),
		schemas: sortKeys(schemas),
	});
}

export function digestFile(path: string): { [key: string]: Json } {
	return digestOpenApi(parse(readFileSync(path, 'utf8')) as Node);
}

if (require.main === module) {
	const [source, commit] = process.argv.slice(2);
	if (!source) {
		console.error('usage: npm run contract:digest -- <path to Linkkit-Space/linkkit-ts-sdk/.speakeasy/out.openapi.yaml> [commit]');
		process.exit(2);
	}
	const text = readFileSync(source, 'utf8');
	const record = {
		source: {
			repository: 'https://github.com/Linkkit-Space/linkkit-ts-sdk',
			path: '.speakeasy/out.openapi.yaml',
			commit: commit ?? 'unknown',
			sha256: createHash('sha256').update(text).digest('hex'),
		},
		digest: digestOpenApi(parse(text) as Node),
	};
	writeFileSync(DIGEST_PATH, `${JSON.stringify(record, null, 2)}\n`);
	console.log(`Wrote ${DIGEST_PATH}: ${Object.keys(record.digest.operations as object).length} operations`);
}
