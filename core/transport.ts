/**
 * The port through which the core reaches the network. Each platform supplies its own:
 * n8n wraps `this.helpers.httpRequestWithAuthentication` and `sleep` from n8n-workflow,
 * Zapier wraps `z.request`. Authentication is the platform's job; the core never sees the API key.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
	method: HttpMethod;
	/** Absolute URL, query string included. */
	url: string;
	headers: Record<string, string>;
	/** JSON-serialisable body; absent for GET/DELETE. */
	body?: unknown;
	/**
	 * What the answer's body is: JSON (the default; the port may parse it) or text such as Linkkit's CSV exports,
	 * which the port must hand back as the raw string.
	 */
	expect?: 'json' | 'text';
	/**
	 * Give up when no complete answer arrived within this many milliseconds. The port hands it to its platform's
	 * HTTP client (the core has no timers); a request that times out rejects like any other unanswered request.
	 */
	timeoutMs?: number;
}

export interface HttpResponse {
	status: number;
	/** Header names in any case; the core reads them case-insensitively. */
	headers: Record<string, string | string[] | number | undefined>;
	/** Parsed JSON, raw text (HTML error pages, empty 204), or undefined. */
	body: unknown;
}

export interface LinkkitPort {
	/**
	 * Sends one request and resolves with the answer whatever its status.
	 * Rejects only when no HTTP answer arrived (connection refused or dropped, DNS, `timeoutMs` passed).
	 */
	send(request: HttpRequest): Promise<HttpResponse>;
	/** Waits without blocking; n8n passes its `sleep`, tests pass a fake clock's. */
	sleep(ms: number): Promise<void>;
	/** Milliseconds since the epoch; defaults to Date.now. Tests pass a fake clock. */
	now?: () => number;
	/** Uniform random number in [0, 1); defaults to Math.random. Tests pin it to check jitter. */
	random?: () => number;
}
