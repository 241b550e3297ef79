/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Zapier app tests, never shipped in the n8n package */
/**
 * The Zapier app under test, with zapier-platform-core loaded from the app's own node_modules (the root has no
 * copy), and an app tester bound to a running sandbox. Requests go over real HTTP; nothing is mocked.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as ZapierCore from '../../../zapier/node_modules/zapier-platform-core';
import app from '../../../zapier/src/index';
import type { RunningSandbox } from '../../support/sandbox';

export const ZAPIER_APP_DIR = join(__dirname, '../../../zapier');
export const zapierCore = createRequire(join(ZAPIER_APP_DIR, 'package.json'))('zapier-platform-core') as typeof ZapierCore;
export { app };

export type Bundle = {
	authData?: Record<string, string>;
	inputData?: Record<string, unknown>;
	meta?: Record<string, unknown>;
};

/** `run('triggers.new_link.operation.perform', { inputData })` with the sandbox's full key unless authData is given. */
export function appRunner(sandbox: RunningSandbox) {
	const tester = zapierCore.createAppTester(app);
	const authData = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
	return async function run<T = Record<string, unknown>[]>(method: string, bundle: Bundle = {}): Promise<T> {
		const perform = method.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], app);
		return (await tester(perform as never, { ...bundle, authData: bundle.authData ?? authData } as never)) as T;
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
export async function visit(sandbox: RunningSandbox, slug: string, headers: Record<string, string> = {}): Promise<void> {
	const answer = await fetch(`${sandbox.url}/r/${slug}`, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)', ...headers } });
	if (answer.status !== 302) throw new Error(`visit /r/${slug} answered ${answer.status}`);
}
