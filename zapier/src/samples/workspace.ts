/** Samples of the workspace's named things: segments, campaign settings, tags, QR codes, domains. */
export const segmentSample = {
	id: '0f9a7c3e-2b4d-4c1a-8e6f-3d5b7a9c1e24',
	name: 'Spring campaign',
	color: '#3B82F6',
	created_at: '2026-03-20T12:00:00.000Z',
};

export const campaignSettingSample = {
	id: '6a4e2c8b-0d1f-4b3a-9c5e-7f9b1d3a5c86',
	name: 'Spring newsletter',
	utm_source: 'newsletter',
	utm_medium: 'email',
	utm_campaign: 'spring_sale',
	utm_term: null,
	utm_content: 'hero_banner',
	ref: null,
	created_at: '2026-03-25T10:00:00.000Z',
};

export const tagSample = {
	id: '2d8f4b6a-9c1e-4a3b-8d5f-1e7a9c3b5d40',
	name: 'newsletter',
	color: '#FF5733',
	created_at: '2026-03-25T10:05:00.000Z',
};

export const qrCodeSample = {
	id: '7b3d5f9a-2c4e-4d6b-8a1c-5e7f9b1d3a62',
	url: 'https://go.example.com/spring26',
	name: 'Spring poster',
	color: '#000000',
	show_logo: false,
	logo_url: null,
	created_at: '2026-04-02T08:30:00.000Z',
};

export const domainSample = {
	id: '9e1c3a5b-7d9f-4b2d-8c4e-6a8b0d2f4e71',
	domain: 'go.example.com',
	is_verified: true,
	created_at: '2026-01-10T09:00:00.000Z',
	label: 'go.example.com',
};
