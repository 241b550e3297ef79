/**
 * Core errors as n8n errors: input refused before sending → NodeOperationError (points at the item);
 * anything Linkkit or the network said → NodeApiError keeping HTTP status, Linkkit's code, message and
 * request id, so "continue on fail" output and the error panel carry what support needs.
 */

import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { LinkkitError, type RateLimitWait } from '../../../core';
import { fieldLabel } from './field-labels';

const TRIGGER_NODE_TYPE = /(^|\.)linkkitTrigger$/;

/**
 * A rate-limit wait this node would not sit out, in n8n's words: the action node names its options (Max Wait on
 * Rate Limit, Max Retries), the trigger says its next poll tries again. The core gives the numbers, not the words.
 */
export function rateLimitMessage(node: INode, wait: RateLimitWait): string {
	const asked =
		wait.source === 'window'
			? `Linkkit's rate limit for this API key is used up until its window resets in ${Math.ceil(wait.waitMs / 1000)} s`
			: `Linkkit's rate limit for this API key was reached and it asked to wait ${Math.ceil(wait.waitMs / 1000)} s`;
	if (TRIGGER_NODE_TYPE.test(node.type)) return `${asked}. The trigger tries again at its next poll.`;
	const allowed = Math.ceil(wait.allowedMs / 1000);
	return wait.limit === 'single-wait'
		? `${asked}, longer than this node waits in one go (Max Wait on Rate Limit: ${allowed} s). ` +
				'Try again later, or raise "Max Wait on Rate Limit (Seconds)" in the node\'s Options.'
		: `${asked}, longer than the ${allowed} s this item may still wait (Max Wait on Rate Limit × Max Retries). ` +
				'Try again later, or raise "Max Wait on Rate Limit (Seconds)" or "Max Retries" in the node\'s Options.';
}

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
	const message = error.rateLimitWait ? rateLimitMessage(node, error.rateLimitWait) : error.message;
	const details: JsonObject = {
		message,
		code: error.code,
		httpCode: error.status === undefined ? null : String(error.status),
		requestId: error.requestId ?? null,
		details: error.details.map((d) => ({ field: d.field, message: d.message })),
	};
	const fields = error.details.length ? ` Check: ${[...new Set(error.details.map((d) => fieldLabel(d.field)))].join(', ')}.` : '';
	return new NodeApiError(node, details, {
		itemIndex,
		message,
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
