/**
 * One error type for everything that can go wrong talking to Linkkit, with messages written for people wiring
 * workflows. It keeps what support needs (HTTP status, Linkkit's own message, the operation) and never holds the API
 * key: the core never sees it, and request headers are not kept.
 *
 * Linkkit's errors are `{"error": "<message>"}` with no code of their own, so `code` is our reading of the status.
 */

/** What went wrong, from the HTTP status Linkkit answered, or from the core when Linkkit gave no usable answer. */
export type LinkkitErrorCode =
	| 'bad_request'
	| 'unauthorized'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'unprocessable'
	| 'rate_limited'
	| 'server_error'
	| 'service_unavailable'
	| 'http_error'
	| 'invalid_input'
	| 'network_error'
	| 'timeout'
	| 'invalid_response';

export interface FieldIssue {
	field: string;
	message: string;
}

/**
 * Why a rate-limit wait was not waited out, as data: each platform words it for its own users (n8n names the
 * node's options, Zapier says it will run the step again), so the core's own message stays platform-neutral.
 */
export interface RateLimitWait {
	/** What set the wait: a 429's Retry-After, the rest of a used-up window, or the pacer's own estimate. */
	source: 'retry-after' | 'window';
	/** How long the wait was, in milliseconds. */
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
	/** Linkkit's own message (its `error` string), unedited. */
	apiMessage?: string;
	details?: FieldIssue[];
	/** For rate limits: how long Linkkit asked to wait, in milliseconds. */
	retryAfterMs?: number;
	/** What the core was doing, e.g. `PUT /v1/links/{shortCode}`. */
	operation?: string;
	/** For a rate-limit wait the caller's limits did not allow (see RateLimitWait). */
	rateLimitWait?: RateLimitWait;
	/**
	 * True when this write got no definite answer (no answer at all, or a 5xx) and Linkkit may have carried it out.
	 * Callers that can check what happened (e.g. look for the object) do so before sending it again.
	 */
	outcomeUnknown?: boolean;
	cause?: unknown;
}

export class LinkkitError extends Error {
	readonly code: LinkkitErrorCode;
	readonly status?: number;
	readonly apiMessage?: string;
	readonly details: FieldIssue[];
	readonly retryAfterMs?: number;
	readonly operation?: string;
	readonly rateLimitWait?: RateLimitWait;
	readonly outcomeUnknown: boolean;

	constructor(init: LinkkitErrorInit) {
		super(init.message);
		this.name = 'LinkkitError';
		this.code = init.code;
		this.status = init.status;
		this.apiMessage = init.apiMessage;
		this.details = init.details ?? [];
		this.retryAfterMs = init.retryAfterMs;
		this.operation = init.operation;
		this.rateLimitWait = init.rateLimitWait;
		this.outcomeUnknown = init.outcomeUnknown === true;
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

	/** A second line for UIs: status and operation, for support. */
	get description(): string {
		const parts: string[] = [];
		if (this.status !== undefined) parts.push(`HTTP ${this.status}`);
		if (this.apiMessage) parts.push(`Linkkit said: ${this.apiMessage}`);
		if (this.operation) parts.push(this.operation);
		return parts.join(' · ');
	}

	/** The same error with more known about it (e.g. that a write's outcome is unknown); the message is kept. */
	with(changes: Partial<LinkkitErrorInit>): LinkkitError {
		return new LinkkitError({
			code: this.code,
			message: this.message,
			status: this.status,
			apiMessage: this.apiMessage,
			details: this.details,
			retryAfterMs: this.retryAfterMs,
			operation: this.operation,
			rateLimitWait: this.rateLimitWait,
			outcomeUnknown: this.outcomeUnknown,
			...changes,
		});
	}

	toJSON(): Record<string, unknown> {
		return {
			name: this.name,
			message: this.message,
			code: this.code,
			status: this.status,
			apiMessage: this.apiMessage,
			details: this.details,
			retryAfterMs: this.retryAfterMs,
			operation: this.operation,
			rateLimitWait: this.rateLimitWait,
			outcomeUnknown: this.outcomeUnknown,
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

/** True for errors that say the object asked for does not exist (Linkkit answered 404). */
export function isNotFound(error: unknown): boolean {
	return error instanceof LinkkitError && error.status === 404;
}
