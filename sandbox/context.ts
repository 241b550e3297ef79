/** What every route needs: the state and the clock (injectable, so tests can pin time). */
import type { Store } from './store';

export interface SandboxContext {
	store: Store;
	now: () => number;
}

export const nowIso = (context: SandboxContext) => new Date(context.now()).toISOString();
