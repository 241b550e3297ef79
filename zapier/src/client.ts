/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- Zapier app, never shipped in the n8n package */
/**
 * The Zapier port of the shared core: every Linkkit request of the app goes through `linkkitClient`, so paging,
 * retries, pacing, validation and error messages are the core's; this file holds only the Zapier plumbing.
 */
import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { createLinkkitClient, type HttpResponse, type LinkkitClient, type LinkkitPort } from '../../core';
import { noAnswerError } from '../../core/network-failure';
import { apiBaseUrl } from './base-url';
import { STEP_RESERVE_MS, StepBudget } from './step-budget';

export const USER_AGENT = 'linkkit-zapier/2.0.0';

/** How long one request may wait for Linkkit's answer: leaves room in the ~30 s step to try once more. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** Kept between a request's timeout and Zapier's step limit, so the step ends with our message, not Zapier's. */
const TIMEOUT_MARGIN_MS = 2_000;

/** The request's timeout, cut to what is left of the step (a late retry gets less, never past the step's end). */
export function requestTimeout(wantedMs: number | undefined, budget: StepBudget): number {
	const untilStepEnds = budget.remaining() + STEP_RESERVE_MS - TIMEOUT_MARGIN_MS;
	return Math.max(1_000, Math.min(wantedMs ?? REQUEST_TIMEOUT_MS, untilStepEnds));
}

function plainHeaders(headers: { forEach(callback: (value: string, name: string) => void): void }): HttpResponse['headers'] {
	const out: HttpResponse['headers'] = {};
	headers.forEach((value, name) => {
		out[name] = value;
	});
	return out;
}

export function zapierPort(z: ZObject, budget: StepBudget): LinkkitPort {
	return {
		async send(request) {
			const options: HttpRequestOptions & { url: string; throwForThrottlingEarly: boolean } = {
				url: request.url,
				method: request.method,
				headers: request.headers,
				body: request.body === undefined ? undefined : JSON.stringify(request.body),
				// The core reads every status itself (it needs 429/5xx answers and their headers to retry and pace) …
				skipThrowForStatus: true,
				// … and core 19 would otherwise throw its own ThrottledError on a 429 before anyone sees it, without
				// Linkkit's message and without waiting when the wait would have fitted in the step.
				throwForThrottlingEarly: false,
				timeout: requestTimeout(request.timeoutMs, budget),
			};
			const operation = `${request.method} ${new URL(request.url).pathname}`;
			let response;
			try {
				response = await z.request(options);
			} catch (cause) {
				budget.failed(() => noAnswerError(cause, request, operation));
				throw cause;
			}
			// `content` is the raw text (JSON or a CSV export): the core parses it, and names HTML error pages.
			const answer: HttpResponse = { status: response.status, headers: plainHeaders(response.headers), body: response.content };
			budget.answered(answer, operation);
			return answer;
		},
		sleep: (ms) => budget.sleep(ms),
	};
}

/**
 * One client per step; its waits share the step's time budget. The core's own caps are set to the whole budget and
 * its retry count is unbounded here: when to stop is the budget's call (time for rate limits, a few tries for
 * Linkkit-side failures), not a fixed number of retries that gives up while most of the step is still left.
 */
export function linkkitClient(z: ZObject, bundle: Bundle, budget: StepBudget = new StepBudget()): LinkkitClient {
	const limit = budget.remaining();
	const publishableKey = String(bundle.authData?.publishableKey ?? '').trim();
	return createLinkkitClient(zapierPort(z, budget), {
		baseUrl: apiBaseUrl(),
		userAgent: USER_AGENT,
		publishableKey: publishableKey || undefined,
		retry: { maxRetries: Number.MAX_SAFE_INTEGER, maxWaitMs: limit, maxTotalWaitMs: limit, maxBackoffMs: 4_000, requestTimeoutMs: REQUEST_TIMEOUT_MS },
	});
}
