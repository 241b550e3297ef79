/**
 * Validates one bulk entry against the contract's `LinkCreate` with ajv, the same engine the request validator
 * uses, so a bulk entry and a single create fail in the same way. The bulk body schema deliberately types entries
 * as bare objects so one bad entry fails only itself.
 */
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadOpenApiDocument } from './openapi';
import type { ErrorDetail } from './types';

let validator: ReturnType<Ajv2020['getSchema']>;

function linkCreateValidator() {
	if (!validator) {
		// strict: false because OpenAPI documents carry keywords (examples, x-*) ajv does not know.
		const ajv = new Ajv2020({ allErrors: true, strict: false });
		addFormats(ajv);
		ajv.addSchema({ $id: 'openapi.json', components: loadOpenApiDocument().components });
		validator = ajv.getSchema('openapi.json#/components/schemas/LinkCreate');
	}
	if (!validator) throw new Error('LinkCreate is missing from docs/openapi.yaml');
	return validator;
}

/** `/utm/source` → `utm.source`, `/segmentRoutes/0/destination` → `segmentRoutes[0].destination`. */
function fieldOf(error: ErrorObject): string {
	const parts = error.instancePath.split('/').filter(Boolean);
	if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
	if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty));
	return parts.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part), '') || 'body';
}

/** Empty when the entry is a valid LinkCreate. */
export function validateLinkCreate(entry: unknown): ErrorDetail[] {
	const validate = linkCreateValidator();
	if (validate(entry)) return [];
	return (validate.errors ?? []).map((error) => ({ field: fieldOf(error), message: error.message ?? 'is invalid' }));
}
