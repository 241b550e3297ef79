/** A link as Linkkit returns it: the sample users see before their first real link arrives. */
import type { Link } from '../../../core';

export const linkSample: Link = {
	id: 'lnk_8f3k2m9q1x',
	shortUrl: 'https://lnkk.it/spring-sale',
	domain: 'lnkk.it',
	slug: 'spring-sale',
	destination: 'https://shop.example.com/sale?ref=spring',
	title: 'Spring sale landing page',
	description: 'Hero banner link for the April newsletter',
	tags: ['newsletter', 'spring'],
	campaignId: 'cmp_4h7d2k9w1z',
	utm: { source: 'newsletter', medium: 'email', campaign: 'spring_sale', term: null, content: 'hero_banner' },
	segmentRoutes: [{ segmentId: 'seg_2m8x4k1q7p', destination: 'https://shop.example.com/de/sale' }],
	expiresAt: '2026-05-31T23:59:59.000Z',
	clicks: 1284,
	createdAt: '2026-04-01T09:15:00.000Z',
	updatedAt: '2026-04-03T16:42:10.000Z',
};
