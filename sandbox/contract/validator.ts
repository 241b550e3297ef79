/**
 * express-openapi-validator over the API's paths: every request is checked against docs/openapi.yaml before its
 * handler runs, and every JSON answer on the way out (a broken answer becomes a loud 500, never a silent one).
 */
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { loadOpenApiDocument } from './openapi';
import { validatorDocument } from './validator-document';

/** The paths Linkkit's document describes; the redirect and /__sandbox are outside it. */
export function isContractPath(path: string): boolean {
	return path === '/health' || path.startsWith('/v1/') || path.startsWith('/track/') || path.startsWith('/feeds/');
}

export function contractValidator(): RequestHandler[] {
	return OpenApiValidator.middleware({
		apiSpec: validatorDocument(loadOpenApiDocument()) as never,
		validateRequests: { allErrors: true },
		validateResponses: true,
		// Auth runs before, with Linkkit's own 401 body; /track/* take the publishable key in the body.
		validateSecurity: false,
		ignorePaths: (path: string) => !isContractPath(path),
	}) as RequestHandler[];
}
