/**
 * One error type for everything that can go wrong talking to Linkkit, with messages written for
 * people wiring workflows. It keeps what support needs (HTTP status, Linkkit's code, request id)
 * and never holds the API key: the core never sees it, and request headers are not kept.
 */

import type { components } from './generated/openapi';

export type ApiErrorCode = components['schemas']['ErrorCode'];

/** Linkkit's own codes, plus the ones the core uses when Linkkit gave no usable answer. */
export type LinkkitErrorCode =
	| ApiErrorCode
	| 'invalid_input'
	| 'network_error'
	| 'timeout'
	| 'invalid_response'
	| 'rate_limit_wait_too_long';

export interface FieldIssue {
	field: string;
	message: string;
}

/**
 * Why a rate-limit wait was not waited out, as data: each platform words it for its own users (n8n names the
 * node's options, Zapier says it will run the step again), so the core's own message stays platform-neutral.
 */
export interface RateLimitWait {
	/** What Linkkit asked for: a 429's Retry-After, or the rest of a used-up window (X-RateLimit-Remaining 0). */
	source: 'retry-after' | 'window';
	/** How long Linkkit asked to wait, in milliseconds. */
	waitMs: number;
	/** How much waiting the caller still allowed at that point, in milliseconds. */
	allowedMs: number;
	/** Which of the caller's limits the wait broke: one single wait, or the total waiting of the call. */
	limit: 'single-wait' | 'total-wait';
}

export interface LinkkitErrorInit {
	code: LinkkitErrorCode;
	message: string;
	/** The HTTP status, when Linkkit answered. */
	status?: number;
	/** Linkkit's own message, unedited. */
	apiMessage?: string;
	details?: FieldIssue[];
	requestId?: string;
	/** For rate limits: how long Linkkit asked to wait, in milliseconds. */
	retryAfterMs?: number;
	/** What the core was doing, e.g. `POST /v1/links`. */
	operation?: string;
	/** For a rate-limit wait the caller's limits did not allow (see RateLimitWait). */
	rateLimitWait?: RateLimitWait;
	cause?: unknown;
}

export class LinkkitError extends Error {
	readonly code: LinkkitErrorCode;
	readonly status?: number;
	readonly apiMessage?: string;
	readonly details: FieldIssue[];
	readonly requestId?: string;
	readonly retryAfterMs?: number;
	readonly operation?: string;
	readonly rateLimitWait?: RateLimitWait;

	constructor(init: LinkkitErrorInit) {
		super(init.message);
		this.name = 'LinkkitError';
		this.code = init.code;
		this.status = init.status;
		this.apiMessage = init.apiMessage;
		this.details = init.details ?? [];
		this.requestId = init.requestId;
		this.retryAfterMs = init.retryAfterMs;
		this.operation = init.operation;
		this.rateLimitWait = init.rateLimitWait;
		if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause;
	}

	/** True when the input was refused before anything was sent. */
	get isInputError(): boolean {
		return this.code === 'invalid_input';
	}

	/** The first field at fault, for platforms that point at one field. */
	get field(): string | undefined {
		return this.details[0]?.field;
	}

	/** A second line for UIs: status, Linkkit code and request id, for support. */
	get description(): string {
		const parts: string[] = [];
		if (this.status !== undefined) parts.push(`HTTP ${this.status}`);
		if (this.code !== 'invalid_input') parts.push(`code ${this.code}`);
		if (this.requestId) parts.push(`request id ${this.requestId}`);
		if (this.operation) parts.push(this.operation);
		return parts.join(' · ');
	}

	toJSON(): Record<string, unknown> {
		return {
			name: this.name,
			message: this.message,
			code: this.code,
			status: this.status,
			details: this.details,
			requestId: this.requestId,
			retryAfterMs: this.retryAfterMs,
			operation: this.operation,
			rateLimitWait: this.rateLimitWait,
		};
	}
}

/** Input refused before sending: names the field, as the user sees it. */
export function inputError(field: string, message: string): LinkkitError {
	return new LinkkitError({
		code: 'invalid_input',
		message: `${field}: ${message}`,
		details: [{ field, message }],
	});
}
