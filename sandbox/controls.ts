/**
 * The sandbox's test controls, in one place: the admin API (`/__sandbox/*`) and `RunningSandbox` both call these,
 * so the two can never disagree. None of them is part of Linkkit's API.
 */
import type { FaultConfig, FaultController } from './faults';
import { badRequest, notFound } from './http/errors';
import { newUuid } from './ids';
import type { RateLimitHeaderMode, RateLimitHeaderSetting } from './rate-limit-middleware';
import type { RateLimiter, RateLimitSettings } from './ratelimit';
import type { RequestStats } from './stats';
import type { Store } from './state/store';
import type { Click, HookView, StoreData } from './state/types';
import type { Delivery, DeliveryFilter } from './webhooks/delivery-log';
import type { WebhookDispatcher } from './webhooks/dispatcher';

/** The first workspace's plan (A26: `free` has no conversions) and link limit (A8; null: none). */
export interface PlanSettings {
	plan: string;
	planLinks: number | null;
}

export interface ControlParts {
	store: Store;
	now: () => number;
	faults: FaultController;
	limiter: RateLimiter;
	rateLimitHeaders: RateLimitHeaderSetting;
	stats: RequestStats;
	dispatcher: WebhookDispatcher;
	/** The seeded state `reset()` returns to. */
	seed: () => StoreData;
	/** What the options asked for, restored by `reset()`. */
	initial: { rateLimit: RateLimitSettings; rateLimitHeaders: RateLimitHeaderMode; plan: PlanSettings };
	foreignCodes: readonly string[];
}

/** What `POST /__sandbox/clicks` and `injectClicks` add: one desktop visitor from Berlin, many times. */
const INJECTED_CLICK = { country: 'DE', city: 'Berlin', device: 'desktop', browser: 'Firefox', os: 'Linux', referer: null };

export class SandboxControls {
	private plan: PlanSettings;

	constructor(private readonly parts: ControlParts) {
		this.plan = { ...parts.initial.plan };
		this.applyPlan();
	}

	/** Puts the plan settings on the first workspace (after a load or reset too). */
	private applyPlan(): void {
		const workspace = this.parts.store.workspaces[0];
		workspace.workspace = { ...workspace.workspace, plan: this.plan.plan };
		workspace.linkLimit = this.plan.planLinks;
	}

	/** Back to the seeded state: rate limit, header mode and plan as started, faults off, stats and deliveries cleared. */
	reset(): void {
		const { store, faults, limiter, stats, dispatcher, initial } = this.parts;
		dispatcher.clear();
		store.load(this.parts.seed());
		store.onChange();
		this.plan = { ...initial.plan };
		this.applyPlan();
		faults.clear();
		limiter.configure(initial.rateLimit);
		this.parts.rateLimitHeaders.mode = initial.rateLimitHeaders;
		stats.clear();
	}

	setFaults(config: Partial<FaultConfig>): FaultConfig {
		return this.parts.faults.set(config);
	}

	/** Either or both of the bucket's settings; buckets start full again. */
	setRateLimit(settings: Partial<RateLimitSettings>): RateLimitSettings {
		const next = { ...this.parts.limiter.current, ...settings };
		if (!(next.rate > 0)) throw badRequest('rate must be a number of requests per second > 0');
		if (!Number.isInteger(next.burst) || next.burst < 1) throw badRequest('burst must be an integer >= 1');
		this.parts.limiter.configure(next);
		return this.parts.limiter.current;
	}

	setRateLimitHeaders(mode: RateLimitHeaderMode): void {
		this.parts.rateLimitHeaders.mode = mode;
	}

	setPlan(update: Partial<PlanSettings>): PlanSettings {
		this.plan = { ...this.plan, ...update };
		this.applyPlan();
		this.parts.store.onChange();
		return { ...this.plan };
	}

	/**
	 * Records `count` clicks on the link with this code (any workspace), evenly spread over the `spreadMs` before now
	 * (default: all now), for bursts bigger than visits could make. `events` also emits `link.clicked` for each.
	 */
	injectClicks(shortCode: string, count: number, spreadMs = 0, events = false): number {
		const found = this.parts.store.linkByCode(shortCode);
		if (!found) throw notFound(`No link with short_code ${shortCode}`);
		const nowMs = this.parts.now();
		const clicks: Click[] = Array.from({ length: count }, (_, i) => ({
			id: newUuid(),
			clicked_at: new Date(nowMs - spreadMs + Math.round(((i + 1) * spreadMs) / count)).toISOString(),
			...INJECTED_CLICK,
		}));
		this.parts.store.addClicks(found.workspace, found.link.id, clicks);
		if (events) {
			for (const click of clicks) {
				this.parts.dispatcher.emit(found.workspace.workspace.id, 'link.clicked', { short_code: shortCode, link_id: found.link.id, click });
			}
		}
		return found.workspace.clicks.get(found.link.id)?.size ?? 0;
	}

	/** Every subscription, in every workspace, without its secret. */
	hooks(): HookView[] {
		return this.parts.store.workspaces.flatMap((workspace) =>
			[...workspace.hooks.values()].map(({ id, event, url, is_active, created_at }) => ({ id, event, url, is_active, created_at, workspace_id: workspace.workspace.id })),
		);
	}

	deliveries(filter?: DeliveryFilter): Delivery[] {
		return this.parts.dispatcher.deliveries(filter);
	}

	clearDeliveries(): void {
		this.parts.dispatcher.clear();
	}

	state() {
		const { store, faults, limiter, rateLimitHeaders } = this.parts;
		return {
			...store.counts(),
			workspaces: store.workspaces.map((workspace) => ({
				id: workspace.workspace.id,
				name: workspace.workspace.name,
				plan: workspace.workspace.plan,
				planLinks: workspace.linkLimit,
				...store.counts(workspace),
			})),
			foreignCodes: this.parts.foreignCodes,
			plan: { ...this.plan },
			faults: faults.current,
			rateLimit: { ...limiter.current, headers: rateLimitHeaders.mode },
		};
	}
}
