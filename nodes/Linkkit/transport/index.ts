/**
 * n8n's side of the core's port: requests go through `httpRequestWithAuthentication` (so n8n adds the credential's
 * Bearer header and the core never sees the API key) and waits through n8n's `sleep`.
 * Shared by the Linkkit action node, the Linkkit Trigger node and the Linkkit Instant Trigger (its hook context
 * subscribes and unsubscribes).
 */

import type { IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { createLinkkitClient, normaliseBaseUrl } from '../../../core';
import type { HttpResponse, LinkkitClient, LinkkitPort, RetryOptions } from '../../../core';

export type LinkkitContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions;

export const CREDENTIAL_TYPE = 'linkkitApi';
export const USER_AGENT = 'n8n-nodes-linkkit';

/** The credential's fields as n8n hands them to the node. */
export interface LinkkitCredentialData {
	apiKey?: string;
	publishableKey?: string;
	baseUrl?: string;
}

interface FullResponse {
	statusCode: number;
	headers: HttpResponse['headers'];
	body: unknown;
}

export function n8nPort(context: LinkkitContext): LinkkitPort {
	return {
		async send(request) {
			const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
				method: request.method,
				url: request.url,
				headers: request.headers,
				body: request.body as never,
				// Linkkit's CSV exports are text: n8n must hand them over as they are.
				json: request.expect !== 'text',
				...(request.expect === 'text' ? { encoding: 'text' as const } : {}),
				returnFullResponse: true,
				// The core reads every status itself: it needs 429/5xx answers, headers included, to retry and pace.
				ignoreHttpStatusErrors: true,
				// Without it n8n waits up to 5 minutes for an answer; the core decides how long and retries when safe.
				timeout: request.timeoutMs,
			})) as FullResponse;
			return { status: response.statusCode, headers: response.headers ?? {}, body: response.body };
		},
		sleep: async (ms) => await sleep(ms),
	};
}

/**
 * One client for a run. The publishable key (for recording leads and sales) goes to the core, which puts it only in
 * the body of `/track/*` requests and never into a message or an output.
 */
export async function linkkitClient(context: LinkkitContext, retry?: Partial<RetryOptions>): Promise<LinkkitClient> {
	const credentials = await context.getCredentials<LinkkitCredentialData>(CREDENTIAL_TYPE);
	const publishableKey = typeof credentials.publishableKey === 'string' && credentials.publishableKey.trim() ? credentials.publishableKey.trim() : undefined;
	return createLinkkitClient(n8nPort(context), {
		baseUrl: normaliseBaseUrl(credentials.baseUrl),
		retry,
		userAgent: USER_AGENT,
		publishableKey,
	});
}
