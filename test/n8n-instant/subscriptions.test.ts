/**
 * The instant trigger's subscription record on its own (nodes/LinkkitInstantTrigger/subscriptions.ts), with a
 * Linkkit that fails where a test says: what `checkExists` calls existing, what `create` and `delete` leave behind.
 */
import type { Webhook, WebhookEvent } from '../../core';
import {
	chosenEvents,
	endSubscriptions,
	replaceSubscriptions,
	subscriptionsMatch,
	subscriptionsOf,
	type HooksApi,
	type TriggerState,
} from '../../nodes/LinkkitInstantTrigger/subscriptions';

const URL_A = 'https://n8n.example.com/webhook/abc/webhook';

/** Linkkit's hooks, in memory; `failSubscribe`/`failUnsubscribe` name the calls (1-based) that fail. */
function fakeLinkkit(options: { failSubscribe?: number[]; failUnsubscribe?: number[]; noSecret?: number[] } = {}) {
	const hooks = new Map<string, { event: WebhookEvent; url: string }>();
	let subscribes = 0;
	let unsubscribes = 0;
	let next = 0;
	const api: HooksApi = {
		async subscribe(event, url) {
			subscribes++;
			if (options.failSubscribe?.includes(subscribes)) throw new Error(`subscribe ${subscribes} failed`);
			const id = `hook-${++next}`;
			hooks.set(id, { event, url });
			return { id, event, url, secret: options.noSecret?.includes(subscribes) ? undefined : `secret-${next}`, is_active: true } as Webhook;
		},
		async unsubscribe(id) {
			unsubscribes++;
			if (options.failUnsubscribe?.includes(unsubscribes)) throw new Error(`unsubscribe ${unsubscribes} failed`);
			hooks.delete(id);
			return { id, unsubscribed: true };
		},
	};
	return { api, hooks, calls: () => ({ subscribes, unsubscribes }) };
}

describe('checkExists: exact, or n8n creates again', () => {
	const state = (): TriggerState => ({
		subscriptions: [
			{ id: 'h1', event: 'link.created', url: URL_A, secret: 's1' },
			{ id: 'h2', event: 'link.clicked', url: URL_A, secret: 's2' },
		],
	});

	it('exists only for the same events at the same URL, none more', () => {
		expect(subscriptionsMatch(state(), URL_A, ['link.created', 'link.clicked'])).toBe(true);
		expect(subscriptionsMatch(state(), URL_A, chosenEvents(['link.clicked', 'link.created', 'link.clicked']))).toBe(true);
		expect(subscriptionsMatch(state(), URL_A, ['link.created'])).toBe(false);
		expect(subscriptionsMatch(state(), URL_A, ['link.created', 'link.clicked', 'link.deleted'])).toBe(false);
		expect(subscriptionsMatch(state(), URL_A, ['link.created', 'link.updated'])).toBe(false);
		expect(subscriptionsMatch(state(), 'https://other.example.com/webhook/abc/webhook', ['link.created', 'link.clicked'])).toBe(false);
		expect(subscriptionsMatch({}, URL_A, ['link.created'])).toBe(false);
		expect(subscriptionsMatch({}, URL_A, [])).toBe(false);
	});

	it('a record without its secret, or twice the same event, does not count', () => {
		const noSecret = state();
		(noSecret.subscriptions![1] as { secret: string }).secret = '';
		expect(subscriptionsMatch(noSecret, URL_A, ['link.created', 'link.clicked'])).toBe(false);
		const twice: TriggerState = {
			subscriptions: [
				{ id: 'h1', event: 'link.created', url: URL_A, secret: 's1' },
				{ id: 'h3', event: 'link.created', url: URL_A, secret: 's3' },
			],
		};
		expect(subscriptionsMatch(twice, URL_A, ['link.created', 'link.clicked'])).toBe(false);
	});

	it('chosen events are Linkkit events, once each', () => {
		expect(chosenEvents(['link.clicked', 'qr.scanned', 'link.created', 'link.clicked'])).toEqual(['link.created', 'link.clicked']);
		expect(chosenEvents(undefined)).toEqual([]);
	});
});

describe('create', () => {
	it('subscribes one hook per event and records id, event, URL and secret', async () => {
		const linkkit = fakeLinkkit();
		const state: TriggerState = {};
		const result = await replaceSubscriptions(linkkit.api, state, URL_A, ['link.created', 'link.deleted']);
		expect(result.error).toBeUndefined();
		expect(state.subscriptions).toEqual([
			{ id: 'hook-1', event: 'link.created', url: URL_A, secret: 'secret-1' },
			{ id: 'hook-2', event: 'link.deleted', url: URL_A, secret: 'secret-2' },
		]);
		expect([...linkkit.hooks.keys()]).toEqual(['hook-1', 'hook-2']);
		expect(subscriptionsMatch(state, URL_A, ['link.created', 'link.deleted'])).toBe(true);
	});

	it('ends every recorded subscription first (other URL, other events), so none is left behind', async () => {
		const linkkit = fakeLinkkit();
		const state: TriggerState = {};
		await replaceSubscriptions(linkkit.api, state, 'https://old.example.com/webhook/abc/webhook', ['link.created', 'link.clicked']);
		await replaceSubscriptions(linkkit.api, state, URL_A, ['link.updated']);
		expect([...linkkit.hooks.values()]).toEqual([{ event: 'link.updated', url: URL_A }]);
		expect(subscriptionsOf(state).map((s) => s.event)).toEqual(['link.updated']);
	});

	it('a subscribe that fails ends the subscriptions just made and reports the failure; nothing is recorded', async () => {
		const linkkit = fakeLinkkit({ failSubscribe: [3] });
		const state: TriggerState = {};
		const result = await replaceSubscriptions(linkkit.api, state, URL_A, ['link.created', 'link.updated', 'link.deleted']);
		expect(String(result.error)).toMatch(/subscribe 3 failed/);
		expect(linkkit.hooks.size).toBe(0);
		expect(subscriptionsOf(state)).toEqual([]);
	});

	it('one just made that cannot be ended again stays recorded, so the next activation ends it first', async () => {
		const linkkit = fakeLinkkit({ failSubscribe: [2], failUnsubscribe: [1] });
		const state: TriggerState = {};
		const result = await replaceSubscriptions(linkkit.api, state, URL_A, ['link.created', 'link.updated']);
		expect(result.error).toBeDefined();
		expect(subscriptionsOf(state).map((s) => s.id)).toEqual(['hook-1']);
		expect([...linkkit.hooks.keys()]).toEqual(['hook-1']);
		const again = await replaceSubscriptions(linkkit.api, state, URL_A, ['link.created', 'link.updated']);
		expect(again.error).toBeUndefined();
		expect(linkkit.hooks.size).toBe(2);
		expect(linkkit.hooks.has('hook-1')).toBe(false);
	});

	it('an old subscription that cannot be ended stops the activation before anything new is made', async () => {
		const linkkit = fakeLinkkit({ failUnsubscribe: [1] });
		const state: TriggerState = {};
		await replaceSubscriptions(linkkit.api, state, URL_A, ['link.created']);
		const result = await replaceSubscriptions(linkkit.api, state, URL_A, ['link.clicked']);
		expect(String(result.error)).toMatch(/unsubscribe 1 failed/);
		expect(linkkit.calls().subscribes).toBe(1);
		expect(subscriptionsOf(state).map((s) => s.event)).toEqual(['link.created']);
	});

	it('an answer without a secret is ended at once: its deliveries could never be verified', async () => {
		const linkkit = fakeLinkkit({ noSecret: [1] });
		const state: TriggerState = {};
		const result = await replaceSubscriptions(linkkit.api, state, URL_A, ['link.created']);
		expect(String(result.error)).toMatch(/no signing secret/);
		expect(linkkit.hooks.size).toBe(0);
		expect(subscriptionsOf(state)).toEqual([]);
	});
});

describe('delete', () => {
	it('ends every recorded subscription and empties the record', async () => {
		const linkkit = fakeLinkkit();
		const state: TriggerState = {};
		await replaceSubscriptions(linkkit.api, state, URL_A, ['link.created', 'link.clicked']);
		expect(await endSubscriptions(linkkit.api, state)).toEqual({ ended: 2, kept: 0, error: undefined });
		expect(linkkit.hooks.size).toBe(0);
		expect(subscriptionsOf(state)).toEqual([]);
	});

	it('keeps only what could not be ended', async () => {
		const linkkit = fakeLinkkit({ failUnsubscribe: [2] });
		const state: TriggerState = {};
		await replaceSubscriptions(linkkit.api, state, URL_A, ['link.created', 'link.clicked']);
		const result = await endSubscriptions(linkkit.api, state);
		expect(result).toMatchObject({ ended: 1, kept: 1 });
		expect(subscriptionsOf(state).map((s) => s.event)).toEqual(['link.clicked']);
	});
});
