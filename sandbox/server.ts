/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only tool, never shipped in the n8n package */
/**
 * `startSandbox()`: the Linkkit sandbox on 127.0.0.1, in this process, with the handle tests and tools drive it by.
 */
import type { AddressInfo } from 'node:net';
import { createSandbox } from './app';
import type { PlanSettings } from './controls';
import type { FaultConfig } from './faults';
import { newApiKey, newPublishableKey } from './ids';
import type { SandboxOptions } from './options';
import { JsonFilePersistence } from './persistence';
import type { RateLimitHeaderMode } from './rate-limit-middleware';
import type { RateLimitSettings } from './ratelimit';
import type { RequestStats } from './stats';
import type { Store } from './state/store';
import type { HookView } from './state/types';
import type { Delivery, DeliveryFilter } from './webhooks/delivery-log';

export type { SandboxOptions } from './options';

export const SANDBOX_HOST = '127.0.0.1';

export interface RunningSandbox {
	/** `http://127.0.0.1:<port>` */
	url: string;
	port: number;
	/** The first workspace's API key (the one every test and demo uses). */
	apiKey: string;
	/** The first workspace's publishable key, for /track/lead and /track/sale. */
	publishableKey: string;
	/** The second workspace's API key (same user, "Acme Labs"), for cross-workspace tests. */
	otherWorkspaceKey: string;
	otherPublishableKey: string;
	workspaceId: string;
	otherWorkspaceId: string;
	/** Codes the second workspace holds: a PUT with the first key gets 409 (A6). */
	foreignCodes: string[];
	stop(): Promise<void>;
	/** Back to the seeded state: rate limit, header mode and plan as started, faults off, stats and deliveries cleared. */
	reset(): void;
	setFaults(config: Partial<FaultConfig>): FaultConfig;
	setRateLimit(rate: number, burst: number): void;
	setRateLimitHeaders(mode: RateLimitHeaderMode): void;
	/** The first workspace's plan (`free`: conversions 403) and link limit (null: none). */
	setPlan(update: Partial<PlanSettings>): PlanSettings;
	/** Records `count` clicks on a link (see POST /__sandbox/clicks). Returns the link's click count. */
	injectClicks(shortCode: string, count: number, options?: { spreadMs?: number; events?: boolean }): number;
	/** What the first workspace holds (the same as the counts of GET /__sandbox/state). */
	counts(): ReturnType<Store['counts']>;
	/** The API traffic served since start or the last reset/clear (the same as GET /__sandbox/stats). */
	stats: RequestStats;
	/** Webhook subscriptions of every workspace, without their secrets. */
	hooks(): HookView[];
	/** Webhook deliveries and their attempts, oldest first. */
	deliveries(filter?: DeliveryFilter): Delivery[];
	/** Cancels pending webhook retries and empties the delivery log. */
	clearDeliveries(): void;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const keys = {
		apiKey: options.apiKey ?? newApiKey(),
		otherWorkspaceKey: options.otherWorkspaceKey ?? newApiKey(),
		publishableKey: options.publishableKey ?? newPublishableKey(),
		otherPublishableKey: newPublishableKey(),
	};
	const persistence = options.dataFile ? new JsonFilePersistence(options.dataFile) : undefined;
	const parts = createSandbox(options, keys, persistence?.load());
	const { store, controls, dispatcher } = parts;
	if (persistence) {
		store.onChange = () => persistence.schedule(store);
		persistence.flush(store);
	}

	const server = parts.app.listen(options.port ?? 0, SANDBOX_HOST);
	await new Promise<void>((resolve, reject) => {
		server.once('listening', resolve);
		server.once('error', reject);
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://${SANDBOX_HOST}:${port}`,
		port,
		...keys,
		workspaceId: store.workspaces[0].workspace.id,
		otherWorkspaceId: store.workspaces[1].workspace.id,
		foreignCodes: [...parts.foreignCodes],
		stop: async () => {
			dispatcher.clear();
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			// Keep-alive sockets (fetch keeps them) would hold close() open.
			server.closeAllConnections();
			await closed;
			persistence?.flush(store);
		},
		reset: () => controls.reset(),
		setFaults: (config) => controls.setFaults(config),
		setRateLimit: (rate, burst): void => {
			controls.setRateLimit({ rate, burst } satisfies RateLimitSettings);
		},
		setRateLimitHeaders: (mode) => controls.setRateLimitHeaders(mode),
		setPlan: (update) => controls.setPlan(update),
		injectClicks: (shortCode, count, clickOptions = {}) => controls.injectClicks(shortCode, count, clickOptions.spreadMs, clickOptions.events),
		counts: () => store.counts(),
		stats: parts.stats,
		hooks: () => controls.hooks(),
		deliveries: (filter) => controls.deliveries(filter),
		clearDeliveries: () => controls.clearDeliveries(),
	};
}
