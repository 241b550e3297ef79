/**
 * Seeded links: destinations on a few sites, realistic titles, some in lists, some on the custom domain, a few
 * inactive or expiring, created over the last ~90 days (about one in eight sharing its predecessor's timestamp, as a
 * bulk create would, so lists must tie-break, A14), and QR codes for some of them.
 */
import { newShortCode, newUuid } from '../ids';
import type { Prng } from '../prng';
import type { Link, List, QrCode } from '../state/types';
import { PAGES, SITES } from './catalog';
import { DAY_MS, iso, SEED_PERIOD_MS } from './time';

const NOTES = ['Printed on the spring flyer.', 'Swap the destination after the launch.', 'Shared by the partner team.', 'Used in the onboarding emails.'];
const QUERIES = ['?ref=seed', '?utm_source=newsletter&utm_medium=email', '?variant=b', ''];

export interface LinkSeedOptions {
	count: number;
	nowMs: number;
	lists: readonly List[];
	customDomain: string;
	/** Codes already used (by the other workspace): never picked again. */
	taken: Set<string>;
}

export function uniqueCode(prng: Prng, taken: Set<string>): string {
	let code = newShortCode(prng.int);
	while (taken.has(code)) code = newShortCode(prng.int);
	taken.add(code);
	return code;
}

export function seedLinks(prng: Prng, options: LinkSeedOptions): Link[] {
	const { count, nowMs } = options;
	const links: Link[] = [];
	let createdMs = nowMs - SEED_PERIOD_MS;
	const step = SEED_PERIOD_MS / Math.max(1, count);
	for (let i = 0; i < count; i++) {
		if (i === 0 || !prng.chance(0.12)) createdMs = Math.min(nowMs - 60_000, createdMs + Math.round(prng.next() * 2 * step));
		const [path, title] = prng.pick(PAGES);
		const updatedMs = prng.chance(0.3) ? createdMs + prng.int(Math.max(1, nowMs - createdMs)) : createdMs;
		links.push({
			id: newUuid(prng.int),
			short_code: uniqueCode(prng, options.taken),
			original_url: `https://${prng.pick(SITES)}/${path}${prng.pick(QUERIES)}`,
			title: prng.chance(0.85) ? `${title}${prng.chance(0.4) ? ` #${i + 1}` : ''}` : null,
			custom_domain: prng.chance(0.15) ? options.customDomain : null,
			is_active: !prng.chance(0.05),
			expire_at: prng.chance(0.04) ? iso(createdMs + (7 + prng.int(60)) * DAY_MS) : null,
			notes: prng.chance(0.15) ? prng.pick(NOTES) : null,
			list_id: options.lists.length && prng.chance(0.35) ? prng.pick(options.lists).id : null,
			created_at: iso(createdMs),
			updated_at: iso(updatedMs),
		});
	}
	return links;
}

/** A QR code for every twelfth link (at most 500), pointing at the link's short URL (A4). */
export function seedQrCodes(prng: Prng, links: readonly Link[], nowMs: number): QrCode[] {
	const qrCodes: QrCode[] = [];
	for (const [index, link] of links.entries()) {
		if (qrCodes.length >= 500 || index % 12 !== 5) continue;
		const createdMs = Math.min(nowMs - 1000, Date.parse(link.created_at) + prng.int(DAY_MS));
		qrCodes.push({
			id: newUuid(prng.int),
			url: `https://${link.custom_domain ?? 'uselinkkit.com'}/${link.short_code}`,
			name: link.title ? `${link.title} (QR)` : null,
			color: prng.pick(['#000000', '#000000', '#1D4ED8', '#DA552F']),
			show_logo: prng.chance(0.3),
			logo_url: null,
			created_at: iso(createdMs),
		});
	}
	return qrCodes;
}
