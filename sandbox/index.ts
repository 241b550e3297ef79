/** The Linkkit sandbox's in-process API: `startSandbox()` for tests and tools; `npm run sandbox` for the CLI. */
export { startSandbox, SANDBOX_HOST } from './server';
export type { RunningSandbox, SandboxOptions } from './server';
export type { FaultConfig, FaultKind, FaultStep, FractionField } from './faults';
export { FAULT_KINDS, PROXY_502_PAGE } from './faults';
