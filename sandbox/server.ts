/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- dev-only tool, never shipped in the n8n package */
/**
 * Builds the sandbox's Express app and starts it on 127.0.0.1. The /v1 pipeline runs in the contract's order:
 * request id → auth → rate limit → injected faults → scope → JSON body + OpenAPI request validation →
 * idempotency → handler, with every JSON response validated against docs/openapi.yaml on the way out.
 */
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { authMiddleware, KeyRing } from './auth';
import type { SandboxContext } from './context';
import { errorHandler, notFound, sendError } from './errors';
import { FaultController, faultMiddleware, type FaultConfig, type FractionField } from './faults';
import { newApiKey } from './ids';
import { idempotencyMiddleware } from './idempotency';
import { listOperations, loadOpenApiDocument } from './openapi';
import { JsonFilePersistence } from './persistence';
import { idleRateLimitHeaders, rateLimitMiddleware } from './rate-limit-middleware';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './ratelimit';
import { requestIdMiddleware, type LogLine } from './request-id';
import { adminRouter } from './routes/admin';
import { analyticsRouter } from './routes/analytics';
import { apiKeyRouter } from './routes/api-key';
import { campaignsRouter } from './routes/campaigns';
import { linksRouter } from './routes/links';
import { redirectRouter } from './routes/redirect';
import { segmentsRouter } from './routes/segments';
import { scopeRouter } from './scope';
import { buildSeed } from './seed';
import { RequestStats, statsMiddleware } from './stats';
import { Store } from './store';
import { VisibilityLag } from './visibility';
import type { StoreData } from './types';

export const SANDBOX_HOST = '127.0.0.1';

export interface SandboxOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** The full-scope key; random `lk_test_…` when absent. */
	apiKey?: string;
	/** A key with every `:read` scope; random when absent. */
	readOnlyKey?: string;
	/** Token refill, requests per second (default 50). */
	rate?: number;
	/** Token bucket capacity (default 100). */
	burst?: number;
	/** Seed size in links (default 500). */
	links?: number;
	/** Fraction of /v1 requests answered with an injected 500/503. */
	faults?: number;
	/** Run-level fractions of the other fault kinds, e.g. `{ commitDrop: 0.05, stall: 0.01 }`. */
	faultMix?: Partial<Record<FractionField, number>>;
	/** Latency added to every /v1 request, in ms. */
	latencyMs?: number;
	/** Writes show up in list results up to this long after their timestamp (seeded, random per item). */
	visibilityLagMs?: number;
	/** Persist the state to this JSON file (loaded at start when present). */
	dataFile?: string;
	/** PRNG seed for the seed data and random faults (default 1). */
	seed?: number;
	/** The clock, in epoch ms (default Date.now). */
	now?: () => number;
	/** Log one line per request: true for console.log, or a function to receive lines. */
	log?: boolean | LogLine;
}

export interface RunningSandbox {
	/** `http://127.0.0.1:<port>` */
	url: string;
	port: number;
	apiKey: string;
	readOnlyKey: string;
	stop(): Promise<void>;
	/** Back to the seeded state; rate-limit buckets refilled, faults cleared. */
	reset(): void;
	setFaults(config: Partial<FaultConfig>): FaultConfig;
	setRateLimit(rate: number, burst: number): void;
	/** Counts of what the sandbox holds (the same as GET /__sandbox/state). */
	counts(): ReturnType<Store['counts']>;
	/** The /v1 traffic served since start or the last reset/clear (the same as GET /__sandbox/stats). */
	stats: RequestStats;
}

interface SandboxParts {
	app: Express;
	store: Store;
	faults: FaultController;
	limiter: RateLimiter;
	stats: RequestStats;
	reset(): void;
}

function createSandboxApp(options: SandboxOptions, keys: KeyRing, initial: StoreData, seedData: () => StoreData): SandboxParts {
	const now = options.now ?? Date.now;
	const store = new Store(initial);
	store.visibility = new VisibilityLag(options.visibilityLagMs ?? 0, options.seed ?? 1, now);
	const context: SandboxContext = { store, now };
	const rateLimit = { rate: options.rate ?? DEFAULT_RATE_LIMIT.rate, burst: options.burst ?? DEFAULT_RATE_LIMIT.burst };
	const limiter = new RateLimiter(rateLimit, now);
	const faults = new FaultController(options.seed ?? 1);
	faults.set({ rate: options.faults ?? 0, latencyMs: options.latencyMs ?? 0, ...options.faultMix });
	const stats = new RequestStats();
	const reset = () => {
		store.load(seedData());
		store.onChange();
		faults.clear();
		limiter.configure(rateLimit);
		stats.clear();
	};

	const log: LogLine | undefined = options.log === true ? (line) => console.log(line) : options.log || undefined;
	const app = express();
	app.disable('x-powered-by');
	// Conditional GETs would turn some answers into bodiless 304s; an API sandbox should always answer in full.
	app.set('etag', false);

	app.use(requestIdMiddleware(log));
	// The sandbox's clock, not the host's, so a sandbox started with another `now` is consistent with its X-RateLimit-Reset.
	app.use((_req, res, next) => {
		res.set('Date', new Date(now()).toUTCString());
		next();
	});
	app.use(adminRouter({ store, now, faults, limiter, stats, reset }));
	app.use(redirectRouter(context));

	app.use('/v1', statsMiddleware(stats), idleRateLimitHeaders(limiter), authMiddleware(keys), rateLimitMiddleware(limiter));
	app.use('/v1', faultMiddleware(faults));
	app.use(scopeRouter(listOperations()));
	// Parsed only now, so a malformed body never outranks a 401/403/429.
	app.use('/v1', express.json({ limit: '1mb' }));
	app.use(
		OpenApiValidator.middleware({
			apiSpec: loadOpenApiDocument() as never,
			validateRequests: { allErrors: true },
			validateResponses: true,
			// Our auth runs first and answers in the contract's envelope.
			validateSecurity: false,
			ignorePaths: (path: string) => !path.startsWith('/v1/'),
		}),
	);
	app.use('/v1', idempotencyMiddleware(store, now));
	app.use(linksRouter(context), campaignsRouter(context), segmentsRouter(context), analyticsRouter(context), apiKeyRouter(keys.allScopes));
	app.use((req, res) => sendError(res, notFound(`No route ${req.method} ${req.path}.`)));
	app.use(errorHandler);
	return { app, store, faults, limiter, stats, reset };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const apiKey = options.apiKey ?? newApiKey('full');
	const readOnlyKey = options.readOnlyKey ?? newApiKey('read-only');
	const scopes = [...new Set(listOperations().flatMap((operation) => (operation.scope ? [operation.scope] : [])))];
	const keys = new KeyRing(apiKey, readOnlyKey, scopes);

	const now = options.now ?? Date.now;
	const seedOptions = { seed: options.seed ?? 1, links: options.links ?? 500, nowMs: now() };
	const seeded = buildSeed(seedOptions);
	// The store never mutates a stored object (it replaces it), so the seed's objects can be shared on reset.
	const seedData = () => seeded;
	const persistence = options.dataFile ? new JsonFilePersistence(options.dataFile) : undefined;
	const initial = persistence?.load() ?? seedData();

	const parts = createSandboxApp(options, keys, initial, seedData);
	if (persistence) {
		parts.store.onChange = () => persistence.schedule(parts.store);
		persistence.flush(parts.store);
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
		apiKey,
		readOnlyKey,
		stop: async () => {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			// Keep-alive sockets (fetch keeps them) would hold close() open.
			server.closeAllConnections();
			await closed;
			persistence?.flush(parts.store);
		},
		reset: parts.reset,
		setFaults: (config) => parts.faults.set(config),
		setRateLimit: (rate, burst) => parts.limiter.configure({ rate, burst }),
		counts: () => parts.store.counts(),
		stats: parts.stats,
	};
}
