/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test helper, never shipped in the n8n package */
/** Small fetch wrappers for the sandbox suites: JSON in, status + headers + parsed body out, over real HTTP. */
import type { components } from '../../core/generated/openapi';
import type { RunningSandbox } from '../support/sandbox';

type Schemas = components['schemas'];
type Complete<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export type Link = Complete<Schemas['Link']>;
export type Click = Complete<Schemas['Click']>;
export type Conversion = Complete<Schemas['Conversion']>;
export type Tag = Complete<Schemas['Tag']>;
export type List = Complete<Schemas['List']>;
export type QrCode = Complete<Schemas['QrCode']>;
export type UtmTemplate = Complete<Schemas['UtmTemplate']>;
export type Webhook = Complete<Schemas['Webhook']>;
export type Workspace = Complete<Schemas['Workspace']>;
export type BulkCreateResult = Complete<Schemas['BulkCreateResult']>;
export interface ErrorBody {
	error: string;
}
export interface Page<T> {
	data: T[];
	meta: { page: number; limit: number; total: number };
}
export interface All<T> {
	data: T[];
	meta: { total: number };
}

/** Replies default to the error body; name the success type (`get<Link>`) where one is expected. */
export interface Reply<T = ErrorBody> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

export interface CallOptions {
	body?: unknown;
	/** The key to send (default the sandbox's API key); null sends none. */
	key?: string | null;
	/** How to send the key (default Bearer). */
	via?: 'bearer' | 'x-api-key';
	headers?: Record<string, string>;
}

export async function call<T = ErrorBody>(sandbox: RunningSandbox, method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	const key = options.key === undefined ? sandbox.apiKey : options.key;
	if (key !== null) {
		if (options.via === 'x-api-key') headers['x-api-key'] = key;
		else headers.authorization = `Bearer ${key}`;
	}
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

export const get = <T = ErrorBody>(sandbox: RunningSandbox, path: string, options?: CallOptions) => call<T>(sandbox, 'GET', path, options);
export const post = <T = ErrorBody>(sandbox: RunningSandbox, path: string, body: unknown, options?: CallOptions) =>
	call<T>(sandbox, 'POST', path, { ...options, body });
export const put = <T = ErrorBody>(sandbox: RunningSandbox, path: string, body: unknown, options?: CallOptions) =>
	call<T>(sandbox, 'PUT', path, { ...options, body });
export const patch = <T = ErrorBody>(sandbox: RunningSandbox, path: string, body: unknown, options?: CallOptions) =>
	call<T>(sandbox, 'PATCH', path, { ...options, body });
export const del = <T = ErrorBody>(sandbox: RunningSandbox, path: string, options?: CallOptions) => call<T>(sandbox, 'DELETE', path, options);

/** The admin API: JSON in and out, no key. */
export async function admin<T = Record<string, unknown>>(sandbox: RunningSandbox, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const parsed = (await response.json()) as T;
	if (!response.ok) throw new Error(`${path} → ${response.status} ${JSON.stringify(parsed)}`);
	return parsed;
}

/** Every item of a paged list, page by page, in the order served. */
export async function allPages<T>(sandbox: RunningSandbox, path: string, limit = 100): Promise<T[]> {
	const items: T[] = [];
	const separator = path.includes('?') ? '&' : '?';
	for (let page = 1; page < 10_000; page++) {
		const reply = await get<Page<T>>(sandbox, `${path}${separator}page=${page}&limit=${limit}`);
		if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.text}`);
		items.push(...reply.body.data);
		if (page * limit >= reply.body.meta.total) return items;
	}
	throw new Error('too many pages');
}

/** Polls `read` until `done` holds (webhook deliveries happen after the API answers). */
export async function eventually<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
		await sleep(20);
	}
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
