/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- dev-only benchmark, never shipped in the n8n package */
/**
 * The Linkkit sandbox as its own process (`sandbox/cli.ts`, as `npm run sandbox` starts it), so the benchmark
 * measures it from outside like any client would, a 100 000-link account does not weigh on the runner, and
 * n8n, the sandbox and the runner each get their own event loop. Controlled and counted through /__sandbox/*.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pinnedNodeEnv } from '../../scripts/n8n/provision';
import { repoRoot } from '../../scripts/n8n/instance';
import type { RateLimitHeaderMode } from '../../sandbox/rate-limit-middleware';
import type { RequestRecord, StatsSummary } from '../../sandbox/stats';

export type { RateLimitHeaderMode };

export interface FaultSettings {
	rate?: number;
	drop?: number;
	html?: number;
	commitDrop?: number;
	commit500?: number;
	stall?: number;
	stallMs?: number;
	latencyMs?: number;
}

export interface SandboxStats extends StatsSummary {
	records?: RequestRecord[];
	linksByDestination?: Record<string, number>;
}

export class SandboxAdmin {
	constructor(readonly url: string) {}

	/** Every admin call is idempotent: one that lost its connection (a kept-alive socket closed as it was reused) is sent again. */
	private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
		const send = () =>
			fetch(`${this.url}${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		const answer = await send().catch(send);
		if (!answer.ok) throw new Error(`sandbox ${method} ${path} answered ${answer.status}: ${await answer.text()}`);
		return (await answer.json()) as T;
	}

	/** Back to the seeded account, faults off, limits at their start values, counts cleared. */
	reset = () => this.call('POST', '/__sandbox/reset');
	/** The key's token bucket, and (when given) which rate-limit headers answers carry (docs/assumptions.md A1). */
	rateLimit = (rate: number, burst: number, headers?: RateLimitHeaderMode) => this.call('POST', '/__sandbox/rate-limit', { rate, burst, ...(headers ? { headers } : {}) });
	faults = (settings: FaultSettings) => this.call('POST', '/__sandbox/faults', settings);
	clearStats = () => this.call('POST', '/__sandbox/stats/clear');
	stats(options: { records?: boolean; destinationPrefix?: string } = {}): Promise<SandboxStats> {
		const query = new URLSearchParams();
		if (options.records) query.set('requests', '1');
		if (options.destinationPrefix) query.set('destinationPrefix', options.destinationPrefix);
		return this.call('GET', `/__sandbox/stats?${query}`);
	}
}

export interface SandboxProcess {
	url: string;
	/** The full-scope key (never printed). */
	apiKey: string;
	/** The workspace's publishable key, for /track/* (never printed). */
	publishableKey: string;
	admin: SandboxAdmin;
	stop(): Promise<void>;
}

/**
 * Starts `sandbox/cli.ts` on a free port with `links` seeded links and waits for its "listening" line. Rate-limit
 * headers are the sandbox's default (`none`, as Linkkit documents its 429s) unless `rateLimitHeaders` says otherwise.
 */
export async function startSandboxProcess(options: { links: number; rate?: number; burst?: number; rateLimitHeaders?: RateLimitHeaderMode }): Promise<SandboxProcess> {
	const apiKey = `lk_test_${randomBytes(16).toString('hex')}`;
	const publishableKey = `pk_test_${randomBytes(12).toString('hex')}`;
	const args = ['--import', 'tsx', join(repoRoot, 'sandbox/cli.ts'), '--port', '0', '--links', String(options.links), '--api-key', apiKey, '--publishable-key', publishableKey];
	if (options.rate) args.push('--rate', `${options.rate}/s`);
	if (options.burst) args.push('--burst', String(options.burst));
	if (options.rateLimitHeaders) args.push('--rate-limit-headers', options.rateLimitHeaders);
	const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, env: pinnedNodeEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`sandbox (${options.links} links) did not start in 5 min`)), 300_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) => {
			clearTimeout(timer);
			// The key is in the sandbox's own start-up lines: keep it out of the error.
			reject(new Error(`sandbox exited (code ${code}) before listening: ${output.split(apiKey).join('<key>').split(publishableKey).join('<key>').slice(-2000)}`));
		});
	});
	const stop = async () => {
		process.removeListener('exit', killOnExit);
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	};
	return { url, apiKey, publishableKey, admin: new SandboxAdmin(url), stop };
}
