/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Zapier app tests, never shipped in the n8n package */
/**
 * The Zapier app under test, with zapier-platform-core loaded from the app's own node_modules (the root has no
 * copy), and an app tester bound to a running sandbox. Requests go over real HTTP to 127.0.0.1; nothing is mocked.
 * The app has no Base URL field: tests point it at the sandbox through LINKKIT_API_BASE_URL, as `invoke` would.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as ZapierCore from '../../../zapier/node_modules/zapier-platform-core';
import appDefinition from '../../../zapier/src/index';
import { BASE_URL_VARIABLE } from '../../../zapier/src/base-url';
import type { RunningSandbox } from '../../support/sandbox';

export const ZAPIER_APP_DIR = join(__dirname, '../../../zapier');
export const zapierCore = createRequire(join(ZAPIER_APP_DIR, 'package.json'))('zapier-platform-core') as typeof ZapierCore;

type Step = { key: string; noun?: string; display: { label: string; description: string; hidden?: boolean }; operation: Record<string, unknown> & { perform: unknown } };
/** The definition with its steps typed loosely, for tests that walk it. */
export const app = appDefinition as unknown as Omit<typeof appDefinition, 'triggers' | 'creates' | 'searches'> & {
	triggers: Record<string, Step>;
	creates: Record<string, Step>;
	searches: Record<string, Step>;
};

export type Item = Record<string, unknown>;

export type Bundle = {
	authData?: Record<string, string>;
	inputData?: Record<string, unknown>;
	meta?: Record<string, unknown>;
};

/** Points the app (this process) at a local server. */
export function pointAppAt(url: string): void {
	process.env[BASE_URL_VARIABLE] = url;
}

export function authDataOf(sandbox: RunningSandbox): Record<string, string> {
	return { apiKey: sandbox.apiKey, publishableKey: sandbox.publishableKey };
}

/** The perform (or other function) at a dotted path such as `triggers.new_link.operation.perform`. */
export function methodAt(path: string): unknown {
	return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], app);
}

/**
 * `run('triggers.new_link.operation.perform', { inputData })` with the sandbox's keys unless authData is given. One
 * tester per runner: its z.cache stand-in lives as long as the runner, as Zapier's lives per connection.
 */
export function appRunner(sandbox: RunningSandbox, baseUrl: () => string = () => sandbox.url) {
	const tester = zapierCore.createAppTester(appDefinition);
	return async function run<T = Item[]>(method: string, bundle: Bundle = {}): Promise<T> {
		pointAppAt(baseUrl());
		return (await tester(methodAt(method) as never, { ...bundle, authData: bundle.authData ?? authDataOf(sandbox) } as never)) as T;
	};
}

/** Zapier errors carry their message as JSON ({ message, code, status } or { message, delay }). */
export function zapierErrorOf(error: unknown): { name: string; message: string; code?: string; status?: number; delay?: number } {
	const e = error as Error;
	try {
		return { name: e.name, ...JSON.parse(e.message) };
	} catch {
		return { name: e.name, message: e.message };
	}
}

export async function failureOf(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return zapierErrorOf(error);
	}
	throw new Error('expected the step to fail, but it succeeded');
}

/** Sends a visitor through a short link, as a browser would, so Linkkit records a click. */
export async function visit(sandbox: RunningSandbox, shortCode: string, headers: Record<string, string> = {}): Promise<void> {
	const answer = await fetch(`${sandbox.url}/r/${shortCode}`, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)', ...headers } });
	if (answer.status !== 302) throw new Error(`visit /r/${shortCode} answered ${answer.status}`);
}

/**
 * The sandbox's clock, movable: triggers hand on items once they are 12 s old by Linkkit's clock, so a test moves
 * the clock on instead of waiting.
 */
export function movableClock() {
	let offset = 0;
	return {
		now: () => Date.now() + offset,
		advance: (ms: number) => void (offset += ms),
	};
}

/** Past the triggers' settle time (12 s) and the whole second of the Date header. */
export const PAST_SETTLE_MS = 14_000;
