/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only tool, never shipped in the n8n package */
/**
 * Loads docs/openapi.yaml, the single source of the API contract, once per process. The `yaml` package resolves
 * the document's anchors (`*standardHeaders`) so the validator sees plain objects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types';

export type OpenApiDocument = OpenAPIV3.DocumentV3_1;

const SPEC_PATH = join(__dirname, '..', 'docs', 'openapi.yaml');

let cached: OpenApiDocument | undefined;

/** A fresh deep copy each call would be wasteful; callers must treat the document as read-only. */
export function loadOpenApiDocument(): OpenApiDocument {
	cached ??= parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDocument;
	return cached;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationInfo {
	operationId: string;
	method: string;
	/** Path as written in the contract, e.g. `/v1/links/{id}`. */
	path: string;
	/** The API-key scope from `x-linkkit-scope`, or null for public operations. */
	scope: string | null;
}

/** Every operation of the contract with its scope, read from the document rather than hard-coded. */
export function listOperations(doc: OpenApiDocument = loadOpenApiDocument()): OperationInfo[] {
	const operations: OperationInfo[] = [];
	for (const [path, item] of Object.entries(doc.paths ?? {})) {
		for (const method of HTTP_METHODS) {
			const operation = (item as Record<string, unknown>)[method] as
				| (OpenAPIV3.OperationObject & { 'x-linkkit-scope'?: string })
				| undefined;
			if (!operation) continue;
			operations.push({
				operationId: operation.operationId ?? `${method} ${path}`,
				method: method.toUpperCase(),
				path,
				scope: operation['x-linkkit-scope'] ?? null,
			});
		}
	}
	return operations;
}
