/* eslint-disable no-console -- dev-only tool, never shipped in the n8n package */
/**
 * Builds the sandbox: its state, its controls and the Express app. The API pipeline runs in this order:
 *   /v1, /feeds:  stats → auth → rate limit → injected faults → JSON body → contract validation → handler
 *   /track:       stats → injected faults → JSON body → contract validation → handler (publishable key, A3)
 *   /health:      contract validation → handler
 * so a malformed body never outranks a 401 or 429; every JSON answer on these paths is validated against
 * docs/openapi.yaml on the way out. The redirect and /__sandbox sit outside the contract.
 */
import express, { type Express } from 'express';
import { adminRouter } from './admin/router';
import { contractValidator } from './contract/validator';
import type { SandboxContext } from './context';
import { SandboxControls } from './controls';
import { FaultController, faultMiddleware } from './faults';
import { authMiddleware, KeyRing } from './http/auth';
import { errorHandler, notFound, sendError } from './http/errors';
import { requestLog, type LogLine } from './http/request-log';
import { DEFAULT_SEED_LINKS, type SandboxOptions } from './options';
import { idleRateLimitHeaders, rateLimitMiddleware, type RateLimitHeaderSetting } from './rate-limit-middleware';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './ratelimit';
import { accountRouter } from './routes/account';
import { analyticsRouter } from './routes/analytics';
import { conversionsRouter } from './routes/conversions';
import { domainsRouter } from './routes/domains';
import { feedsRouter } from './routes/feeds';
import { hooksRouter } from './routes/hooks';
import { linksRouter } from './routes/links';
import { namedResourceRouters } from './routes/named-resources';
import { redirectRouter } from './routes/redirect';
import { trackingRouter } from './routes/tracking';
import { buildSeed, DEFAULT_FOREIGN_CODES } from './seed';
import { RequestStats, statsMiddleware } from './stats';
import { Store } from './state/store';
import type { StoreData } from './state/types';
import { VisibilityLag } from './visibility';
import { WebhookDispatcher } from './webhooks/dispatcher';

/** The keys a sandbox answers to: the two workspaces' API keys and publishable keys. */
export interface SandboxKeys {
	apiKey: string;
	otherWorkspaceKey: string;
	publishableKey: string;
	otherPublishableKey: string;
}

export interface SandboxParts {
	app: Express;
	store: Store;
	controls: SandboxControls;
	stats: RequestStats;
	dispatcher: WebhookDispatcher;
	foreignCodes: string[];
}

export function createSandbox(options: SandboxOptions, keys: SandboxKeys, saved: StoreData | undefined): SandboxParts {
	const now = options.now ?? Date.now;
	const seed = options.seed ?? 1;
	const seeded = buildSeed({ seed, links: options.links ?? DEFAULT_SEED_LINKS, nowMs: now(), foreignCodes: options.foreignCodes ?? DEFAULT_FOREIGN_CODES });
	const foreignCodes = seeded.workspaces[1].links.map((link) => link.short_code);
	const store = new Store();
	store.visibility = new VisibilityLag(options.visibilityLagMs ?? 0, seed, now);
	store.load(saved ?? seeded);

	const dispatcher = new WebhookDispatcher(store, { now, retryScale: options.hookRetryScale ?? 1, timeoutMs: options.hookTimeoutMs });
	const context: SandboxContext = { store, now, events: dispatcher };
	const rateLimit = { rate: options.rate ?? DEFAULT_RATE_LIMIT.rate, burst: options.burst ?? DEFAULT_RATE_LIMIT.burst };
	const limiter = new RateLimiter(rateLimit, now);
	const rateLimitHeaders: RateLimitHeaderSetting = { mode: options.rateLimitHeaders ?? 'none' };
	const faults = new FaultController(seed);
	faults.set({ rate: options.faults ?? 0, latencyMs: options.latencyMs ?? 0, ...options.faultMix });
	const stats = new RequestStats();
	const controls = new SandboxControls({
		store,
		now,
		faults,
		limiter,
		rateLimitHeaders,
		stats,
		dispatcher,
		// The store never changes a stored object in place, so the seed's objects can be shared on every reset.
		seed: () => seeded,
		initial: { rateLimit, rateLimitHeaders: rateLimitHeaders.mode, plan: { plan: options.plan ?? 'pro', planLinks: options.planLinks ?? null } },
		foreignCodes,
	});

	const apiKeys = new KeyRing();
	apiKeys.add(keys.apiKey, store.workspaces[0].workspace.id);
	apiKeys.add(keys.otherWorkspaceKey, store.workspaces[1].workspace.id);
	const publishableKeys = new Map([
		[keys.publishableKey, store.workspaces[0].workspace.id],
		[keys.otherPublishableKey, store.workspaces[1].workspace.id],
	]);

	const log: LogLine | undefined = options.log === true ? (line) => console.log(line) : options.log || undefined;
	const app = express();
	app.disable('x-powered-by');
	// Conditional GETs would turn some answers into bodiless 304s; an API sandbox always answers in full.
	app.set('etag', false);
	app.use(requestLog(log));
	// The sandbox's clock, not the host's (`--clock-offset`), as a server whose clock differs would date its answers.
	app.use((_req, res, next) => {
		res.set('Date', new Date(now()).toUTCString());
		next();
	});
	app.use(adminRouter({ controls, store, stats }));

	app.use(['/v1', '/feeds', '/track'], statsMiddleware(stats));
	app.use(['/v1', '/feeds'], idleRateLimitHeaders(limiter, rateLimitHeaders), authMiddleware(apiKeys), rateLimitMiddleware(limiter, rateLimitHeaders));
	app.use(['/v1', '/feeds', '/track'], faultMiddleware(faults, rateLimitHeaders));
	// Parsed only now, so a malformed body never outranks a 401 or 429.
	app.use(['/v1', '/track'], express.json({ limit: '5mb' }));
	app.use(contractValidator());
	app.use(
		accountRouter(context),
		linksRouter(context),
		...namedResourceRouters(context),
		domainsRouter(context),
		analyticsRouter(context),
		conversionsRouter(context),
		hooksRouter(context, dispatcher),
		trackingRouter(context, publishableKeys),
		feedsRouter(context),
	);
	app.use(redirectRouter(context));
	app.use((_req, res) => sendError(res, notFound('Not found')));
	app.use(errorHandler);
	return { app, store, controls, stats, dispatcher, foreignCodes };
}
