/** The Linkkit sandbox's in-process API: `startSandbox()` for tests and tools; `npm run sandbox` for the CLI. */
export { startSandbox, SANDBOX_HOST } from './server';
export type { RunningSandbox, SandboxOptions } from './server';
export type { PlanSettings } from './controls';
export type { FaultConfig, FaultKind, FaultStep, FractionField } from './faults';
export { FAULT_KINDS, PROXY_502_PAGE } from './faults';
export type { RateLimitHeaderMode } from './rate-limit-middleware';
export { RATE_LIMIT_HEADER_MODES } from './rate-limit-middleware';
export type { Delivery, DeliveryAttempt, DeliveryFilter } from './webhooks/delivery-log';
export type { HookView } from './state/types';
export { SIGNATURE_HEADER, signatureOf } from './webhooks/signature';
