/**
 * Seeded clicks: a power law over links (a few popular links, a long tail), between each link's creation and now,
 * skewed towards its first days, with realistic places, platforms and referers. The total is capped, so a
 * 100 000-link account still starts in seconds.
 */
import { newUuid } from '../ids';
import type { Prng } from '../prng';
import type { Click, Link } from '../state/types';
import { COUNTRIES, PLATFORMS, REFERERS } from './catalog';
import { iso } from './time';

const CLICKS_PER_LINK = 15;
const MAX_CLICKS = 150_000;

export function seedClicks(prng: Prng, links: readonly Link[], nowMs: number): Record<string, Click[]> {
	const total = Math.min(links.length * CLICKS_PER_LINK, MAX_CLICKS);
	const ranks = prng.shuffle(links.map((_, i) => i));
	const weights = ranks.map((rank) => 1 / Math.pow(rank + 1, 1.1));
	const weightSum = weights.reduce((a, b) => a + b, 0);
	const clicks: Record<string, Click[]> = {};
	links.forEach((link, index) => {
		const count = Math.round((weights[index] / weightSum) * total);
		if (count === 0) return;
		const createdMs = Date.parse(link.created_at);
		const own: Click[] = [];
		for (let n = 0; n < count; n++) {
			const clickedMs = Math.min(nowMs - 1000, createdMs + Math.pow(prng.next(), 2.5) * (nowMs - createdMs));
			const place = prng.weighted(COUNTRIES);
			const platform = prng.weighted(PLATFORMS);
			own.push({
				id: newUuid(prng.int),
				clicked_at: iso(clickedMs),
				country: place.country,
				city: place.cities.length && prng.chance(0.85) ? prng.pick(place.cities) : null,
				device: platform.device,
				browser: platform.browsers.length ? prng.pick(platform.browsers) : null,
				os: platform.os,
				referer: prng.weighted(REFERERS),
			});
		}
		clicks[link.id] = own;
	});
	return clicks;
}
