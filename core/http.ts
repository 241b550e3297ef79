/**
 * Sends one logical Linkkit request: builds the URL, paces against the rate-limit window, retries
 * what is safe to retry, and returns the parsed body or throws a LinkkitError.
 */

import { NotSent } from './concurrency';
import { inputError, LinkkitError, type RateLimitWait } from './errors';
import { header } from './headers';
import { operations, type OperationId } from './generated/operations';
import { classifyNoAnswer, mayHaveBeenApplied, noAnswerError } from './network-failure';
import { RateLimitPacer, type PaceSlot } from './pacing';
import { errorFromResponse, parseJsonBody } from './response-errors';
import {
	backoffDelay,
	defaultRetryOptions,
	isRetryableStatus,
	isSafeToRepeat,
	parseRetryAfter,
	type RetryOptions,
} from './retry-policy';
import type { HttpRequest, HttpResponse, LinkkitPort } from './transport';

export type QueryValue = string | number | boolean | undefined | null;

export interface CallOptions {
	pathParams?: Record<string, string>;
	query?: Record<string, QueryValue>;
	body?: unknown;
	/** Makes a POST safe to retry; the same key must be reused for the same logical create. */
	idempotencyKey?: string;
	/** Lower-case phrase for messages, e.g. `create a link`. */
	action?: string;
	/** Asked once the rate limit lets the call out; false drops it unsent (it throws NotSent). See settleInOrder. */
	proceed?: () => boolean;
}

export interface LinkkitHttpOptions {
	baseUrl: string;
	retry?: Partial<RetryOptions>;
	/** Sent as User-Agent, e.g. `n8n-nodes-linkkit/0.1.0`. */
	userAgent?: string;
}

export const DEFAULT_BASE_URL = 'https://api.uselinkkit.com';

function dateHeaderMs(response: HttpResponse): number | undefined {
	const raw = header(response, 'date');
	const ms = raw ? Date.parse(raw) : NaN;
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Percent-encodes a query component strictly (RFC 3986): a space becomes %20, not the form-style "+"
 * that URLSearchParams writes, and the sub-delimiters encodeURIComponent leaves alone are encoded too.
 * Servers that validate queries strictly refuse reserved characters such as "+" in a value.
 */
function encodeQueryComponent(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null || value === '') continue;
		pairs.push(`${encodeQueryComponent(key)}=${encodeQueryComponent(String(value))}`);
	}
	const qs = pairs.join('&');
	return `${baseUrl.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`;
}

function fillPath(template: string, params: Record<string, string> = {}): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = params[name];
		if (value === undefined || value === '') throw inputError(name, 'is required');
		return encodeURIComponent(value);
	});
}

export class LinkkitHttp {
	readonly baseUrl: string;
	readonly retry: RetryOptions;
	private readonly pacer: RateLimitPacer;
	private serverDate: number | undefined;
	private readonly now: () => number;
	private readonly random: () => number;

	constructor(
		private readonly port: LinkkitPort,
		private readonly options: LinkkitHttpOptions,
	) {
		this.baseUrl = options.baseUrl || DEFAULT_BASE_URL;
		this.retry = { ...defaultRetryOptions, ...options.retry };
		this.now = port.now ?? Date.now;
		this.random = port.random ?? Math.random;
		this.pacer = new RateLimitPacer({ now: this.now, random: this.random, sleep: (ms) => port.sleep(ms) });
	}

	/**
	 * Linkkit's clock as of its latest answer (its `Date` header, whole seconds), or undefined before any answer
	 * carried one. For rules that must compare with Linkkit's timestamps rather than trust the local clock.
	 */
	get serverDateMs(): number | undefined {
		return this.serverDate;
	}

	async call<T>(operationId: OperationId, options: CallOptions = {}): Promise<T> {
		const op = operations[operationId];
		const path = fillPath(op.path, options.pathParams);
		const request: HttpRequest = {
			method: op.method,
			url: buildUrl(this.baseUrl, path, options.query),
			headers: { Accept: 'application/json' },
			timeoutMs: this.retry.requestTimeoutMs,
		};
		if (this.options.userAgent) request.headers['User-Agent'] = this.options.userAgent;
		if (options.body !== undefined) {
			request.headers['Content-Type'] = 'application/json';
			request.body = options.body;
		}
		if (options.idempotencyKey) request.headers['Idempotency-Key'] = options.idempotencyKey;
		const context = { operation: `${op.method} ${op.path}`, scope: op.scope ?? undefined, action: options.action, proceed: options.proceed };
		const response = await this.sendWithRetries(request, context);
		const parsed = parseJsonBody(response.body);
		if (!parsed) {
			throw new LinkkitError({
				code: 'invalid_response',
				status: response.status,
				operation: context.operation,
				message: `Linkkit answered HTTP ${response.status} with a body that is not JSON. Check that the Base URL points at the Linkkit API.`,
			});
		}
		return parsed.json as T;
	}

	private async sendWithRetries(
		request: HttpRequest,
		context: { operation: string; scope?: string; action?: string; proceed?: () => boolean },
	): Promise<HttpResponse> {
		const repeatable = isSafeToRepeat(request.method, request.headers);
		let waited = 0;
		// Set once an attempt may have been carried out without us learning the result (no answer, or a 5xx).
		let mayBeDone = false;
		for (let attempt = 0; ; attempt++) {
			// Only a call that sent nothing may be dropped: a retry must go on, or the first attempt's outcome stays unknown.
			const slot = await this.paceBeforeSending(waited, context.operation, attempt === 0 ? context.proceed : undefined);
			waited += slot.waitedMs;

			// No answer at all (refused, dropped, timed out) becomes a network error, retried only when safe.
			const outcome = await this.port.send(request).then(
				(answer) => ({ answer, cause: undefined }),
				(cause: unknown) => ({ answer: undefined, cause }),
			);
			slot.done(outcome.answer);
			if (!outcome.answer) {
				// A port that already decided on a LinkkitError (e.g. a refused input) is not a transient failure.
				if (outcome.cause instanceof LinkkitError) throw outcome.cause;
				const error = noAnswerError(outcome.cause, request, context.operation);
				mayBeDone ||= mayHaveBeenApplied(classifyNoAnswer(outcome.cause));
				if (!repeatable || attempt >= this.retry.maxRetries) throw error;
				waited += await this.waitOrGiveUp(backoffDelay(attempt, this.retry, this.random), waited, error);
				continue;
			}
			const response: HttpResponse = outcome.answer;

			this.serverDate = dateHeaderMs(response) ?? this.serverDate;
			if (response.status >= 200 && response.status < 300) return response;
			// A DELETE retried after an attempt that may have gone through finds the object gone: that attempt deleted it.
			if (response.status === 404 && request.method === 'DELETE' && mayBeDone) return { ...response, status: 204, body: undefined };

			const asked = parseRetryAfter(response, this.now());
			const error = errorFromResponse(response, context, asked);
			mayBeDone ||= response.status >= 500;
			// A 429 means Linkkit did nothing, so any method may be sent again; other failures only when safe.
			const retryable = isRetryableStatus(response.status) && (response.status === 429 || repeatable);
			if (!retryable || attempt >= this.retry.maxRetries) throw error;
			if (asked !== undefined && asked > this.retry.maxWaitMs) throw this.tooLong(asked, error, waited);
			// A 429 whose headers give the precise wait (X-RateLimit-Reset-After) is retried once that has passed, not
			// after the whole seconds of Retry-After, and then through the pacer like any request.
			const pacedWait = response.status === 429 && this.retry.pacing ? this.pacer.retryWaitOf(response) : undefined;
			if (pacedWait === undefined) waited += await this.waitOrGiveUp(asked ?? backoffDelay(attempt, this.retry, this.random), waited, error);
			else if (pacedWait > 0) waited += await this.waitOrGiveUp(pacedWait, waited, error);
		}
	}

	/** Waits until the rate limit has room for the request, or fails fast when the wait exceeds what the caller allows. */
	private async paceBeforeSending(waitedSoFar: number, operation: string, proceed?: () => boolean): Promise<PaceSlot> {
		if (!this.retry.pacing) {
			if (proceed && !proceed()) throw new NotSent();
			return { waitedMs: 0, done: () => {} };
		}
		const refuse = (wait: number): never => {
			const rateLimitWait = this.waitNotAllowed('window', wait, waitedSoFar);
			throw new LinkkitError({
				code: 'rate_limited',
				operation,
				retryAfterMs: wait,
				rateLimitWait,
				message:
					`Linkkit's rate limit for this API key is used up until its window resets in ${seconds(wait)} s, ` +
					`longer than the ${seconds(rateLimitWait.allowedMs)} s this request may still wait. Try again later.`,
			});
		};
		return await this.pacer.acquire({ maxWaitMs: Math.min(this.retry.maxWaitMs, this.retry.maxTotalWaitMs - waitedSoFar), refuse, proceed });
	}

	private async waitOrGiveUp(delay: number, waitedSoFar: number, error: LinkkitError): Promise<number> {
		if (waitedSoFar + delay > this.retry.maxTotalWaitMs) throw this.tooLong(delay, error, waitedSoFar);
		await this.port.sleep(delay).catch((refused: unknown) => {
			// A port may refuse a wait (Zapier's step has no time left). Before another try after a 429, its refusal is
			// the story (when to come back); after a failure, the failure is, since the wait was only a backoff.
			throw error.status === 429 ? refused : error;
		});
		return delay;
	}

	/** The error for "Linkkit asked us to wait longer than allowed": keeps the wait so callers can reschedule. */
	private tooLong(waitMs: number, last: LinkkitError, waitedSoFar = 0): LinkkitError {
		if (last.status !== 429) return last;
		const rateLimitWait = this.waitNotAllowed('retry-after', waitMs, waitedSoFar);
		return new LinkkitError({
			code: 'rate_limited',
			status: 429,
			requestId: last.requestId,
			apiMessage: last.apiMessage,
			operation: last.operation,
			retryAfterMs: waitMs,
			rateLimitWait,
			message:
				`Linkkit's rate limit for this API key was reached and it asked to wait ${seconds(waitMs)} s, ` +
				`longer than the ${seconds(rateLimitWait.allowedMs)} s this request may still wait. Try again later.`,
		});
	}

	/** Which limit a wait broke and how much waiting was still allowed, for platforms to word in their own terms. */
	private waitNotAllowed(source: RateLimitWait['source'], waitMs: number, waitedSoFar: number): RateLimitWait {
		const totalLeft = Math.max(0, this.retry.maxTotalWaitMs - waitedSoFar);
		return waitMs > this.retry.maxWaitMs && this.retry.maxWaitMs <= totalLeft
			? { source, waitMs, allowedMs: this.retry.maxWaitMs, limit: 'single-wait' }
			: { source, waitMs, allowedMs: totalLeft, limit: 'total-wait' };
	}
}

/** Whole seconds for messages, rounded up so a wait is never understated. */
function seconds(ms: number): number {
	return Math.ceil(ms / 1000);
}
