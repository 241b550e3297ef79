/**
 * Linkkit's rate limiter, in virtual time, behind a LinkkitPort: the sandbox's own token bucket (sandbox/ratelimit.ts)
 * and header rules (rate-limit-middleware.ts), with network latency, a server clock that may differ from the
 * client's, and the header sets a real API might send. For pacing tests that need minutes of traffic from several
 * clients; everything that can run over real HTTP runs against the sandbox instead.
 */

import type { HttpRequest, HttpResponse, LinkkitPort } from '../../core';
import { rateLimitHeaders } from '../../sandbox/rate-limit-middleware';
import { RateLimiter } from '../../sandbox/ratelimit';
import type { VirtualClock } from './virtual-time';

/**
 * `contract`: every header docs/openapi.yaml promises. `coarse`: Limit, Remaining, an epoch Reset and Date (whole
 * seconds, no policy). `epoch-only`: Limit, Remaining and an epoch Reset, no Date. `none`: no rate-limit headers.
 */
export type HeaderStyle = 'contract' | 'coarse' | 'epoch-only' | 'none';

export interface SimulatedLinkkitOptions {
	rate: number;
	burst: number;
	/** Round trip, split evenly before and after the server takes the token. */
	latencyMs?: number;
	/** The server's clock minus the client's. */
	serverAheadMs?: number;
	headers?: HeaderStyle;
}

export interface ServedRequest {
	client: string;
	at: number;
	status: number;
}

export class SimulatedLinkkit {
	readonly served: ServedRequest[] = [];
	private readonly limiter: RateLimiter;

	constructor(
		private readonly clock: VirtualClock,
		private readonly options: SimulatedLinkkitOptions,
	) {
		this.limiter = new RateLimiter({ rate: options.rate, burst: options.burst }, () => this.serverNow());
	}

	private serverNow(): number {
		return this.clock.now() + (this.options.serverAheadMs ?? 0);
	}

	private headersFor(decision: ReturnType<RateLimiter['take']>): Record<string, string> {
		const all = rateLimitHeaders(decision);
		const date = new Date(this.serverNow()).toUTCString();
		const retry: Record<string, string> = decision.allowed ? {} : { 'Retry-After': String(decision.retryAfter) };
		const basic = { 'X-RateLimit-Limit': all['X-RateLimit-Limit'], 'X-RateLimit-Remaining': all['X-RateLimit-Remaining'] };
		switch (this.options.headers ?? 'contract') {
			case 'contract':
				return { ...all, Date: date, ...retry };
			case 'coarse':
				return { ...basic, 'X-RateLimit-Reset': all['X-RateLimit-Reset'], Date: date, ...retry };
			case 'epoch-only':
				return { ...basic, 'X-RateLimit-Reset': all['X-RateLimit-Reset'], ...retry };
			case 'none':
				return retry;
		}
	}

	/** A port for one client; all ports share the one bucket (one API key). */
	port(client: string, random: () => number = Math.random): LinkkitPort & { requests: HttpRequest[]; sleeps: number[] } {
		const half = (this.options.latencyMs ?? 0) / 2;
		const requests: HttpRequest[] = [];
		const sleeps: number[] = [];
		return {
			requests,
			sleeps,
			now: this.clock.now,
			random,
			sleep: async (ms) => {
				sleeps.push(ms);
				await this.clock.sleep(ms);
			},
			send: async (request): Promise<HttpResponse> => {
				requests.push(request);
				await this.clock.sleep(half);
				const decision = this.limiter.take('one-key');
				const status = decision.allowed ? (request.method === 'POST' ? 201 : 200) : 429;
				this.served.push({ client, at: this.clock.now(), status });
				const headers = { 'content-type': 'application/json', 'x-request-id': 'req_sim', ...this.headersFor(decision) };
				const body = decision.allowed
					? { id: `lnk_${this.served.length}`, destination: 'https://example.com' }
					: { error: { code: 'rate_limited', message: 'Rate limit exceeded', requestId: 'req_sim' } };
				await this.clock.sleep(half);
				return { status, headers, body };
			},
		};
	}

	count(status: number, client?: string): number {
		return this.served.filter((r) => r.status === status && (client === undefined || r.client === client)).length;
	}
}
