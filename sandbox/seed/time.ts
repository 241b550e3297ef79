/** The seed's timeline: everything happens in the ~90 days before `now`. */
export const DAY_MS = 24 * 60 * 60 * 1000;
export const SEED_PERIOD_MS = 90 * DAY_MS;
export const iso = (ms: number) => new Date(ms).toISOString();
