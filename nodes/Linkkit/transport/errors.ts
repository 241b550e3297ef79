/**
 * Core errors as n8n errors: input refused before sending → NodeOperationError (points at the item and names the
 * field by its label); anything Linkkit or the network said → NodeApiError keeping the HTTP status and Linkkit's own
 * message, so the error panel and "continue on fail" items carry what support needs. Neither ever holds a key: the
 * core never sees the API key, and the publishable key only ever travels in a request body.
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
			? `Linkkit's rate limit for this API key is used up for the next ${Math.ceil(wait.waitMs / 1000)} s`
			: `Linkkit's rate limit for this API key was reached and it asked to wait ${Math.ceil(wait.waitMs / 1000)} s`;
	if (TRIGGER_NODE_TYPE.test(node.type)) return `${asked}. The trigger tries again at its next poll.`;
	const allowed = Math.ceil(wait.allowedMs / 1000);
	return wait.limit === 'single-wait'
		? `${asked}, longer than this node waits in one go (Max Wait on Rate Limit: ${allowed} s). ` +
				'Try again later, or raise "Max Wait on Rate Limit (Seconds)" in the node\'s Options.'
		: `${asked}, longer than the ${allowed} s this item may still wait (Max Wait on Rate Limit × Max Retries). ` +
				'Try again later, or raise "Max Wait on Rate Limit (Seconds)" or "Max Retries" in the node\'s Options.';
}

/** The core words input errors as `<api field>: <problem>`; people know the field by its label. */
function inputMessage(error: LinkkitError): string {
	const issue = error.details[0];
	return issue ? `${fieldLabel(issue.field)}: ${issue.message}` : error.message;
}

/**
 * Linkkit's tracking endpoints take the publishable key, not the API key: their 401 is about that key (the core's
 * generic 401 wording speaks of the API key), so it is named as the credential's field.
 */
function messageOf(node: INode, error: LinkkitError): string {
	if (error.rateLimitWait) return rateLimitMessage(node, error.rateLimitWait);
	if (error.status === 401 && error.operation?.startsWith('POST /track/')) {
		return "Linkkit refused the publishable key — check the Publishable Key in the Linkkit credential (your workspace's pk_… key).";
	}
	return error.message;
}

export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (!(error instanceof LinkkitError)) {
		const message = error instanceof Error ? error.message : String(error);
		return new NodeOperationError(node, message, { itemIndex });
	}
	if (error.isInputError) {
		return new NodeOperationError(node, inputMessage(error), {
			itemIndex,
			description: error.field ? `Check the "${fieldLabel(error.field)}" field.` : undefined,
		});
	}
	const message = messageOf(node, error);
	const details: JsonObject = {
		message,
		code: error.code,
		httpCode: error.status === undefined ? null : String(error.status),
		apiMessage: error.apiMessage ?? null,
		outcomeUnknown: error.outcomeUnknown,
	};
	return new NodeApiError(node, details, {
		itemIndex,
		message,
		description: error.description || undefined,
		httpCode: error.status === undefined ? undefined : String(error.status),
	});
}

/** The JSON an item carries when "continue on fail" is on: enough to branch on and to quote to support. */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	const context = (error as { errorResponse?: JsonObject }).errorResponse ?? {};
	return {
		error: error.message,
		description: error.description ?? null,
		...(context.code
			? { code: context.code, httpCode: context.httpCode ?? null, apiMessage: context.apiMessage ?? null, outcomeUnknown: context.outcomeUnknown === true }
			: {}),
	};
}
