/** What every route needs: the state, the clock (injectable, so tests can pin time) and the event sink (webhooks). */
import type { Store } from './state/store';
import type { EventSink } from './webhooks/events';

export interface SandboxContext {
	store: Store;
	now: () => number;
	events: EventSink;
}

/** Timestamps carry milliseconds (A14). */
export const nowIso = (context: SandboxContext) => new Date(context.now()).toISOString();
