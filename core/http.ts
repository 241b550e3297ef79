/**
 * Sends one logical Linkkit request: builds the URL, paces against the rate limit, retries what is safe to retry,
 * and returns the parsed body or throws a LinkkitError.
 */

import { NotSent } from './concurrency';
import { inputError, LinkkitError, type RateLimitWait } from './errors';
import { operations, type OperationId } from './generated/operations';
import { classifyNoAnswer, mayHaveBeenApplied, noAnswerError } from './network-failure';
import { RateLimitPacer, type PaceSlot } from './pacing';
import { serverDate } from './rate-limit-headers';
import { SETTLE_MS } from './settle';
import { errorFromResponse, parseJsonBody } from './response-errors';
import { backoffDelay, defaultRetryOptions, isRetryableStatus, isSafeToRepeat, parseRetryAfter, type RetryOptions } from './retry-policy';
import type { HttpRequest, HttpResponse, LinkkitPort } from './transport';

export type QueryValue = string | number | boolean | undefined | null;

export interface CallOptions {
	pathParams?: Record<string, string>;
	query?: Record<string, QueryValue>;
	body?: unknown;
	/** Lower-case phrase for messages, e.g. `create links`. */
	action?: string;
	/** Asked once the rate limit lets the call out; false drops it unsent (it throws NotSent). See settleInOrder. */
	proceed?: () => boolean;
	/** `text` for Linkkit's CSV exports: the body is returned as the raw string. */
	expect?: 'json' | 'text';
}

export interface LinkkitHttpOptions {
	baseUrl: string;
	retry?: Partial<RetryOptions>;
	/** Sent as User-Agent, e.g. `n8n-nodes-linkkit/0.2.0`. */
	userAgent?: string;
	/**
	 * How long after a write lists are trusted to show it (settle.ts; default SETTLE_MS). Only tests against a
	 * sandbox without list lag shorten it, to keep lost-answer suites fast.
	 */
	settleMs?: number;
}

/** A success with its status, for operations whose status says something (upsert: 201 created, 200 updated). */
export interface Answer<T> {
	status: number;
	body: T;
}

export const DEFAULT_BASE_URL = 'https://api.uselinkkit.com';

/**
 * Percent-encodes a query component strictly (RFC 3986): a space becomes %20, not the form-style "+"
 * that URLSearchParams writes, and the sub-delimiters encodeURIComponent leaves alone are encoded too.
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

interface Context {
	operation: string;
	action?: string;
	proceed?: () => boolean;
}

export class LinkkitHttp {
	readonly baseUrl: string;
	readonly retry: RetryOptions;
	/** See LinkkitHttpOptions.settleMs. */
	readonly settleMs: number;
	private readonly pacer: RateLimitPacer;
	/** Linkkit's clock minus ours, from the latest answer's `Date` (whole seconds, so within about a second). */
	private clockOffset: number | undefined;
	private lastDate: number | undefined;
	private readonly now: () => number;
	private readonly random: () => number;

	constructor(
		private readonly port: LinkkitPort,
		private readonly options: LinkkitHttpOptions,
	) {
		this.baseUrl = options.baseUrl || DEFAULT_BASE_URL;
		this.retry = { ...defaultRetryOptions, ...options.retry };
		this.settleMs = options.settleMs ?? SETTLE_MS;
		this.now = port.now ?? Date.now;
		this.random = port.random ?? Math.random;
		this.pacer = new RateLimitPacer({ now: this.now, random: this.random, sleep: (ms) => port.sleep(ms) });
	}

	/**
	 * Linkkit's clock as of its latest answer (its `Date` header, whole seconds), or undefined before any answer
	 * carried one. For rules that must compare with Linkkit's timestamps rather than trust the local clock.
	 */
	get serverDateMs(): number | undefined {
		return this.lastDate;
	}

	/**
	 * Linkkit's clock now, estimated from the latest `Date` header plus the time measured locally since; undefined
	 * before any answer carried a Date. Only durations on the local clock are used, never its absolute time.
	 */
	serverNow(): number | undefined {
		return this.clockOffset === undefined ? undefined : this.now() + this.clockOffset;
	}

	/** The local clock (the port's), for measuring durations. */
	localNow(): number {
		return this.now();
	}

	/** Waits through the platform (n8n's sleep, Zapier's step budget). */
	async sleep(ms: number): Promise<void> {
		await this.port.sleep(ms);
	}

	async call<T>(operationId: OperationId, options: CallOptions = {}): Promise<T> {
		return (await this.answer<T>(operationId, options)).body;
	}

	/** Like `call`, with the status of the success. */
	async answer<T>(operationId: OperationId, options: CallOptions = {}): Promise<Answer<T>> {
		const op = operations[operationId];
		const path = fillPath(op.path, options.pathParams);
		const request: HttpRequest = {
			method: op.method,
			url: buildUrl(this.baseUrl, path, options.query),
			headers: { Accept: options.expect === 'text' ? 'text/csv, text/plain, */*' : 'application/json' },
			timeoutMs: this.retry.requestTimeoutMs,
		};
		if (options.expect) request.expect = options.expect;
		if (this.options.userAgent) request.headers['User-Agent'] = this.options.userAgent;
		if (options.body !== undefined) {
			request.headers['Content-Type'] = 'application/json';
			request.body = options.body;
		}
		const context: Context = { operation: `${op.method} ${op.path}`, action: options.action, proceed: options.proceed };
		const response = await this.sendWithRetries(request, context);
		if (options.expect === 'text') {
			const body = response.body;
			const text = typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : body === undefined ? '' : JSON.stringify(body);
			return { status: response.status, body: text as T };
		}
		const parsed = parseJsonBody(response.body);
		if (!parsed) {
			throw new LinkkitError({
				code: 'invalid_response',
				status: response.status,
				operation: context.operation,
				message: `Linkkit answered HTTP ${response.status} with a body that is not JSON. Check that the Base URL points at the Linkkit API.`,
			});
		}
		return { status: response.status, body: parsed.json as T };
	}

	private async sendWithRetries(request: HttpRequest, context: Context): Promise<HttpResponse> {
		const repeatable = isSafeToRepeat(request.method);
		let waited = 0;
		let failures = 0;
		// Set once an attempt may have been carried out without us learning the result (no answer, or a 5xx).
		let mayBeDone = false;
		const unknown = (error: LinkkitError) => (mayBeDone && request.method !== 'GET' ? error.with({ outcomeUnknown: true }) : error);
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
				if (!repeatable || failures >= this.retry.maxRetries) throw unknown(error);
				failures++;
				waited += await this.waitOrGiveUp(backoffDelay(failures - 1, this.retry, this.random), waited, unknown(error));
				continue;
			}
			const response: HttpResponse = outcome.answer;
			this.noteDate(response);
			if (response.status >= 200 && response.status < 300) return response;
			// A DELETE retried after an attempt that may have gone through finds the object gone: that attempt deleted it.
			if (response.status === 404 && request.method === 'DELETE' && mayBeDone) return { ...response, status: 200, body: { deleted: true } };

			const asked = parseRetryAfter(response, this.now());
			const error = unknown(errorFromResponse(response, context, asked));
			if (response.status >= 500) mayBeDone = true;
			if (response.status === 429) {
				// A 429 means Linkkit did nothing, so any method may be sent again. It is bounded by the time the caller
				// allows to wait, not by a number of tries: waiting within that is always better than failing the run.
				const wait = this.retry.pacing ? (this.pacer.retryWaitOf(response) ?? asked) : asked;
				const chosen = wait ?? backoffDelay(Math.min(attempt, 6), this.retry, this.random);
				if (chosen > this.retry.maxWaitMs) throw this.tooLong(chosen, unknown(error), waited);
				if (chosen > 0) waited += await this.waitOrGiveUp(chosen, waited, unknown(error));
				continue;
			}
			const retryable = isRetryableStatus(response.status) && repeatable;
			if (!retryable || failures >= this.retry.maxRetries) throw unknown(errorFromResponse(response, context, asked));
			failures++;
			waited += await this.waitOrGiveUp(asked ?? backoffDelay(failures - 1, this.retry, this.random), waited, error);
		}
	}

	private noteDate(response: HttpResponse): void {
		const date = serverDate(response);
		if (date === undefined) return;
		this.lastDate = date;
		// Date is whole seconds, truncated: the answer was made up to 1 s after it says. Keep the larger estimate of
		// the offset so the clock estimate never runs behind Linkkit's by more than that second.
		const offset = date - this.now();
		this.clockOffset = this.clockOffset === undefined ? offset : Math.max(offset, this.clockOffset - 1000);
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
					`Linkkit's rate limit for this API key is used up for the next ${seconds(wait)} s, ` +
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

	/** The error for "the rate limit asks to wait longer than allowed": keeps the wait so callers can reschedule. */
	private tooLong(waitMs: number, last: LinkkitError, waitedSoFar = 0): LinkkitError {
		if (last.status !== 429) return last;
		const rateLimitWait = this.waitNotAllowed('retry-after', waitMs, waitedSoFar);
		return new LinkkitError({
			code: 'rate_limited',
			status: 429,
			apiMessage: last.apiMessage,
			operation: last.operation,
			retryAfterMs: waitMs,
			rateLimitWait,
			outcomeUnknown: last.outcomeUnknown,
			message:
				`Linkkit's rate limit for this API key was reached and the next try would have to wait ${seconds(waitMs)} s, ` +
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
