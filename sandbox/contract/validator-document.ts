/**
 * The copy of docs/openapi.yaml the request and response validator works from. It is Linkkit's published document
 * with two readings of its own prose made explicit, because a schema validator cannot read descriptions:
 *  - the `/feeds/*` description says the key may come "as `api_key` or in the usual headers", while the parameter is
 *    marked required; the connectors send the header, so `api_key` is optional here (auth checks one is there);
 *  - errors are `{"error": "<message>"}` everywhere (the document's own description), but most operations list only
 *    some error statuses and a few list them without a body: every error answer is checked against `Error`. A 2xx
 *    the operation does not list still fails validation;
 *  - query values may carry reserved characters unencoded (`from=2024-01-01T00:00:00Z`, the document's own example,
 *    or `search=example.com/a`): `allowReserved` is a rule for how clients write a query, and a server reads both
 *    spellings alike, while the validator would refuse the unencoded one.
 * Nothing else differs: every documented status, schema and parameter is validated as published.
 */
import type { OpenApiDocument } from './openapi';

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface Parameter {
	name?: string;
	in?: string;
	required?: boolean;
	allowReserved?: boolean;
}

interface Operation {
	parameters?: Parameter[];
	responses: Record<string, { description?: string; content?: unknown }>;
}

export function validatorDocument(published: OpenApiDocument): OpenApiDocument {
	const doc = structuredClone(published);
	const allowReserved = (parameter: Parameter) => {
		if (parameter.in === 'query') parameter.allowReserved = true;
	};
	for (const parameter of Object.values(doc.components?.parameters ?? {})) allowReserved(parameter as Parameter);
	for (const [path, item] of Object.entries(doc.paths ?? {})) {
		for (const method of METHODS) {
			const operation = (item as Record<string, Operation | undefined>)[method];
			if (!operation) continue;
			if (path.startsWith('/feeds/')) {
				for (const parameter of operation.parameters ?? []) if (parameter.name === 'api_key' && parameter.in === 'query') parameter.required = false;
			}
			for (const parameter of operation.parameters ?? []) allowReserved(parameter);
			for (const [status, response] of Object.entries(operation.responses)) {
				if (Number(status) >= 400 && !response.content) response.content = ERROR_CONTENT;
			}
			if (!operation.responses.default) {
				operation.responses['4XX'] ??= { description: 'Error', content: ERROR_CONTENT };
				operation.responses['5XX'] ??= { description: 'Error', content: ERROR_CONTENT };
			}
		}
	}
	return doc;
}
