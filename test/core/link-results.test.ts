import { bulkEntryError, datePresetChoices, datePresets, isFailedBulkEntry, linkLabel, simplifyLink, wasEditedAfterCreation, type Link } from '../../core';

const link: Link = {
	id: 'lnk_abc123',
	shortUrl: 'https://lnkk.it/spring',
	domain: 'lnkk.it',
	slug: 'spring',
	destination: 'https://example.com/spring',
	title: 'Spring sale',
	description: 'Long text',
	tags: ['sale', 'spring'],
	campaignId: null,
	utm: { source: 'news', medium: null, campaign: null, term: null, content: null },
	segmentRoutes: [{ segmentId: 'seg_de1', destination: 'https://example.de' }],
	expiresAt: null,
	clicks: 7,
	createdAt: '2026-01-01T00:00:00.000Z',
	updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('simplifyLink', () => {
	it('keeps the fields people map onward and drops UTM, description and route detail', () => {
		const simple = simplifyLink(link);
		expect(simple).toEqual({
			id: 'lnk_abc123',
			shortUrl: 'https://lnkk.it/spring',
			domain: 'lnkk.it',
			slug: 'spring',
			destination: 'https://example.com/spring',
			title: 'Spring sale',
			tags: ['sale', 'spring'],
			campaignId: null,
			clicks: 7,
			expiresAt: null,
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-01-02T00:00:00.000Z',
		});
		expect(simple).not.toHaveProperty('utm');
		expect(simple).not.toHaveProperty('segmentRoutes');
		expect(simple).not.toHaveProperty('description');
	});

	it('gives every kept field the same name and shape as the full link (what Create and Update return)', () => {
		const simple = simplifyLink(link) as unknown as Record<string, unknown>;
		for (const [key, value] of Object.entries(simple)) expect(value).toEqual((link as unknown as Record<string, unknown>)[key]);
	});
});

describe('bulkEntryError', () => {
	it('turns a failed bulk entry into a LinkkitError that names the field and keeps the request id', () => {
		const entry = {
			index: 3,
			error: { code: 'conflict' as const, message: 'Slug already taken', details: [{ field: 'slug', message: 'is taken' }], requestId: 'req_1' },
		};
		expect(isFailedBulkEntry(entry)).toBe(true);
		const error = bulkEntryError(entry);
		expect(error.code).toBe('conflict');
		expect(error.requestId).toBe('req_1');
		expect(error.field).toBe('slug');
		expect(error.isInputError).toBe(false);
		expect(error.message).toBe('Linkkit did not create this link: Slug already taken (slug: is taken).');
	});

	it('recognises successful entries', () => {
		expect(isFailedBulkEntry({ index: 0, link })).toBe(false);
	});
});

describe('display rules both platforms share', () => {
	it('labels a link by title and short URL', () => {
		expect(linkLabel({ title: 'Spring sale', shortUrl: 'https://lnkk.it/spring', destination: 'https://example.com/sale' })).toBe('Spring sale (https://lnkk.it/spring)');
		expect(linkLabel({ title: null, shortUrl: 'https://lnkk.it/spring', destination: 'https://www.acme-shop.com/webinar?ref=123' })).toBe(
			'https://lnkk.it/spring → www.acme-shop.com/webinar?ref=123',
		);
		const long = linkLabel({ title: null, shortUrl: 'https://lnkk.it/x', destination: `https://example.com/${'a'.repeat(100)}` });
		expect(long).toBe(`https://lnkk.it/x → example.com/${'a'.repeat(47)}…`);
	});

	it('counts a link as edited only when updatedAt moved past createdAt', () => {
		expect(wasEditedAfterCreation({ createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' })).toBe(false);
		expect(wasEditedAfterCreation({ createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-02T00:00:00.000Z' })).toBe(true);
	});

	it('offers every date preset the core understands, each labelled once', () => {
		expect(datePresetChoices.map((c) => c.value).sort()).toEqual([...datePresets].sort());
		expect(new Set(datePresetChoices.map((c) => c.label)).size).toBe(datePresets.length);
	});
});
