/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Zapier app tests, never shipped in the n8n package */
/**
 * Zapier's side of a REST hook, for tests: a tiny HTTP server on 127.0.0.1 that the sandbox delivers to (each Zap gets
 * its own path, as each gets its own hook URL at Zapier), capturing every request byte for byte, and the step from a
 * captured request to the bundle a hook trigger's `perform` gets from zapier-platform-core 19:
 *  - `rawRequest`: method, query string, the headers named as Zapier names them (`Http-` before every name but
 *    Content-Type and Content-Length, each word capitalised: `Http-X-Linkkit-Signature`), the body as a string;
 *  - `cleanedRequest`: the body parsed.
 */
import { createServer, type Server } from 'node:http';

export interface Captured {
	path: string;
	method: string;
	querystring: string;
	/** Header names as sent, in order. */
	rawHeaders: Array<[string, string]>;
	body: Buffer;
	/** The status this server answered. */
	answered: number;
}

export interface HookReceiver {
	url: string;
	/** Everything received so far, oldest first. */
	received: Captured[];
	/** Answers the next `count` requests to `path` with `status` (e.g. 500, so the sandbox retries). */
	failNext(path: string, count: number, status?: number): void;
	/** Waits until `count` requests to `path` have arrived; throws after `timeoutMs`. */
	waitFor(path: string, count: number, timeoutMs?: number): Promise<Captured[]>;
	on(path: string): Captured[];
	stop(): Promise<void>;
}

export async function startHookReceiver(): Promise<HookReceiver> {
	const received: Captured[] = [];
	const failures = new Map<string, { count: number; status: number }>();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const [path, querystring = ''] = (req.url ?? '/').split('?');
			const failure = failures.get(path);
			const status = failure && failure.count > 0 ? failure.status : 200;
			if (failure && failure.count > 0) failure.count--;
			const rawHeaders: Array<[string, string]> = [];
			for (let i = 0; i < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
			received.push({ path, method: req.method ?? 'POST', querystring, rawHeaders, body: Buffer.concat(chunks), answered: status });
			// What Zapier answers a hook, whatever the app's perform will make of it.
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(status === 200 ? '{"status":"success"}' : '{"status":"error"}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
	const on = (path: string) => received.filter((r) => r.path === path);
	return {
		url,
		received,
		on,
		failNext(path, count, status = 500) {
			failures.set(path, { count, status });
		},
		async waitFor(path, count, timeoutMs = 5_000) {
			const until = Date.now() + timeoutMs;
			while (on(path).length < count) {
				if (Date.now() > until) throw new Error(`expected ${count} deliveries to ${path}, got ${on(path).length}`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			return on(path);
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** `x-linkkit-signature` → `Http-X-Linkkit-Signature`; Content-Type and Content-Length keep their own names. */
export function zapierHeaderName(name: string): string {
	const camel = name
		.toLowerCase()
		.split('-')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join('-');
	return camel === 'Content-Type' || camel === 'Content-Length' ? camel : `Http-${camel}`;
}

export interface HookRequestBundle {
	rawRequest: { method: string; querystring: string; headers: Record<string, string>; content: string };
	cleanedRequest: unknown;
}

/** What zapier-platform-core 19 gives `perform` for a captured request (optionally altered first). */
export function asZapierRequest(captured: Pick<Captured, 'method' | 'querystring' | 'rawHeaders' | 'body'>): HookRequestBundle {
	const headers: Record<string, string> = {};
	for (const [name, value] of captured.rawHeaders) headers[zapierHeaderName(name)] = value;
	const content = captured.body.toString('utf8');
	let cleanedRequest: unknown;
	try {
		cleanedRequest = JSON.parse(content);
	} catch {
		cleanedRequest = { content };
	}
	return { rawRequest: { method: captured.method, querystring: captured.querystring, headers, content }, cleanedRequest };
}

/** A copy of a captured request with other headers or another body, for forgeries. */
export function altered(captured: Captured, change: { body?: string | Buffer; headers?: (headers: Array<[string, string]>) => Array<[string, string]> }): Captured {
	return {
		...captured,
		body: change.body === undefined ? captured.body : Buffer.isBuffer(change.body) ? change.body : Buffer.from(change.body, 'utf8'),
		rawHeaders: change.headers ? change.headers(captured.rawHeaders) : captured.rawHeaders,
	};
}
