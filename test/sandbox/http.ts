/** Tiny fetch wrappers for the sandbox suites: JSON in, status + headers + parsed body out. */
import type { components } from '../../core/generated/openapi';
import type { RunningSandbox } from '../support/sandbox';

type Schemas = components['schemas'];
export type Link = Schemas['Link'];
export type Campaign = Schemas['Campaign'];
export type Segment = Schemas['Segment'];
export type Click = Schemas['Click'];
export type ErrorResponse = Schemas['ErrorResponse'];
export interface Page<T> {
	data: T[];
	nextCursor: string | null;
}

/** Replies default to the error envelope; name the success type (`get<Link>`) where one is expected. */
export interface Reply<T = ErrorResponse> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

export async function call<T = ErrorResponse>(
	sandbox: RunningSandbox,
	method: string,
	path: string,
	options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	const key = options.key === undefined ? sandbox.apiKey : options.key;
	if (key !== null) headers.authorization = `Bearer ${key}`;
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers,
		body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
		redirect: 'manual',
	});
	const text = await response.text();
	let body: T | undefined;
	try {
		body = text ? (JSON.parse(text) as T) : undefined;
	} catch {
		body = undefined;
	}
	// Tests assert on `status` first; a missing body then fails loudly on access.
	return { status: response.status, headers: response.headers, body: body as T, text };
}

export const get = <T = ErrorResponse>(sandbox: RunningSandbox, path: string, options?: Parameters<typeof call>[3]) =>
	call<T>(sandbox, 'GET', path, options);
export const post = <T = ErrorResponse>(sandbox: RunningSandbox, path: string, body: unknown, options?: Parameters<typeof call>[3]) =>
	call<T>(sandbox, 'POST', path, { ...options, body });

/** Follows `nextCursor` until the end; returns every item in the order served. */
export async function walk<T>(sandbox: RunningSandbox, path: string): Promise<T[]> {
	const items: T[] = [];
	let cursor: string | null = null;
	const separator = path.includes('?') ? '&' : '?';
	for (let page = 0; page < 1000; page++) {
		const reply: Reply<Page<T>> = await get<Page<T>>(
			sandbox,
			cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
		);
		if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.text}`);
		items.push(...reply.body.data);
		cursor = reply.body.nextCursor;
		if (!cursor) return items;
	}
	throw new Error('too many pages');
}
