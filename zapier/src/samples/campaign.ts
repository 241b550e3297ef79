import type { Campaign } from '../../../core';

export const campaignSample: Campaign = {
	id: 'cmp_4h7d2k9w1z',
	name: 'Spring Sale 2026',
	description: 'Newsletter and social pushes for the April sale',
	status: 'active',
	defaultDomain: 'lnkk.it',
	utm: { source: 'newsletter', medium: 'email', campaign: 'spring_sale', term: null, content: null },
	startsAt: '2026-04-01T00:00:00.000Z',
	endsAt: '2026-04-30T23:59:59.000Z',
	linkCount: 12,
	createdAt: '2026-03-25T10:00:00.000Z',
	updatedAt: '2026-03-28T08:30:00.000Z',
};
