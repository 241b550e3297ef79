/**
 * How long after its timestamp an item must be before the connectors trust a list to show it. Linkkit may show a new
 * or changed item in lists a few seconds late (docs/assumptions.md A15); the sandbox's `--visibility-lag` tests up to
 * 10 s. Linkkit's `Date` header is whole seconds, and one more second covers the time a list takes.
 */
export const SETTLE_MS = 12_000;
