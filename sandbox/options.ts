/** What `startSandbox()` and the CLI accept; every field is optional. */
import type { FractionField } from './faults';
import type { LogLine } from './http/request-log';
import type { RateLimitHeaderMode } from './rate-limit-middleware';

export interface SandboxOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** The API key of the first workspace ("Acme Inc"); random `lk_test_…` when absent. */
	apiKey?: string;
	/** The API key of the second workspace ("Acme Labs", same user); random when absent. */
	otherWorkspaceKey?: string;
	/** The first workspace's publishable key for /track/* (A28); random `pk_test_…` when absent. */
	publishableKey?: string;
	/** Token refill, requests per second (default 50, A1). */
	rate?: number;
	/** Token bucket capacity (default 100). */
	burst?: number;
	/** Which rate-limit headers answers carry (default `none`, A1). */
	rateLimitHeaders?: RateLimitHeaderMode;
	/** Seed size in links (default 500). */
	links?: number;
	/** The second workspace's codes, which a PUT from the first gets 409 for (A6): how many (default 3) or which. */
	foreignCodes?: number | string[];
	/** The first workspace's plan (default `pro`); `free` has no conversions (403, A26). */
	plan?: string;
	/** Links the first workspace may hold before creates answer 403 (A8); default: no limit. */
	planLinks?: number;
	/** Fraction of API requests answered with an injected 500/503. */
	faults?: number;
	/** Run-level fractions of the other fault kinds, e.g. `{ commitDrop: 0.05, stall: 0.01 }`. */
	faultMix?: Partial<Record<FractionField, number>>;
	/** Latency added to every API request, in ms. */
	latencyMs?: number;
	/** Writes show up in list results up to this long after their timestamp (seeded, random per item, A15). */
	visibilityLagMs?: number;
	/** Multiplies the webhook retry waits (A21; default 1). */
	hookRetryScale?: number;
	/** How long a webhook attempt may take before it counts as failed (A21; default 10 000 ms). */
	hookTimeoutMs?: number;
	/** Persist the state to this JSON file (loaded at start when present). */
	dataFile?: string;
	/** PRNG seed for the seed data and random faults (default 1). */
	seed?: number;
	/** The clock, in epoch ms (default Date.now). */
	now?: () => number;
	/** Log one line per request: true for console.log, or a function to receive lines. */
	log?: boolean | LogLine;
}

export const DEFAULT_SEED_LINKS = 500;
