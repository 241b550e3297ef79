/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only tool, never shipped in the n8n package */
/** Loads docs/openapi.yaml, Linkkit's published API, once per process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types';

export type OpenApiDocument = OpenAPIV3.DocumentV3;

const SPEC_PATH = join(__dirname, '..', '..', 'docs', 'openapi.yaml');

let cached: OpenApiDocument | undefined;

/** Shared: callers must treat the document as read-only (copy it to change it). */
export function loadOpenApiDocument(): OpenApiDocument {
	cached ??= parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDocument;
	return cached;
}
