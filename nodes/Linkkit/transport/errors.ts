/**
 * Core errors as n8n errors: input refused before sending → NodeOperationError (points at the item);
 * anything Linkkit or the network said → NodeApiError keeping HTTP status, Linkkit's code, message and
 * request id, so "continue on fail" output and the error panel carry what support needs.
 */

import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { LinkkitError } from '../../../core';
import { fieldLabel } from './field-labels';

export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (!(error instanceof LinkkitError)) {
		const message = error instanceof Error ? error.message : String(error);
		return new NodeOperationError(node, message, { itemIndex });
	}
	if (error.isInputError) {
		// The core words input errors as `<api field>: <problem>`; people know the field by its label.
		const issue = error.details[0];
		const message = issue ? `${fieldLabel(issue.field)}: ${issue.message}` : error.message;
		return new NodeOperationError(node, message, {
			itemIndex,
			description: error.field ? `Check the "${fieldLabel(error.field)}" field.` : undefined,
		});
	}
	const details: JsonObject = {
		message: error.message,
		code: error.code,
		httpCode: error.status === undefined ? null : String(error.status),
		requestId: error.requestId ?? null,
		details: error.details.map((d) => ({ field: d.field, message: d.message })),
	};
	const fields = error.details.length ? ` Check: ${[...new Set(error.details.map((d) => fieldLabel(d.field)))].join(', ')}.` : '';
	return new NodeApiError(node, details, {
		itemIndex,
		message: error.message,
		description: `${error.description}.${fields}`,
		httpCode: error.status === undefined ? undefined : String(error.status),
	});
}

/** The JSON an item carries when "continue on fail" is on: enough to branch on and to quote to support. */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	const context = (error as { errorResponse?: JsonObject }).errorResponse ?? {};
	return {
		error: error.message,
		description: error.description ?? null,
		...(context.code ? { code: context.code, httpCode: context.httpCode ?? null, requestId: context.requestId ?? null } : {}),
	};
}
