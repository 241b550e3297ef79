/** The shared Linkkit core: contract types, client, errors, retries and pacing, pagination, validation. */

export * from './transport';
export * from './errors';
export * from './http';
export * from './client';
export * from './pagination';
export * from './polling';
export * from './display';
export * from './milestones';
export * from './validation';
export * from './retry-policy';
export * from './idempotency';
export * from './concurrency';
export * from './base-url';
export { API_KEY_HELP } from './response-errors';
export * from './resources/links';
export * from './resources/link-results';
export * from './resources/campaigns';
export * from './resources/segments';
export * from './resources/analytics';
export * from './resources/api-key';
export type { ListFilters, SortOrder } from './resources/common';
export { operations, type OperationId } from './generated/operations';
export type { components, paths } from './generated/openapi';
