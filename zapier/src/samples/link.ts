/** What a link looks like in a Zap before the user's own arrive: Linkkit's fields, the short URL, the segment name. */
import type { LinkOutput, LinkSummary } from '../outputs/link';

export const linkSample: LinkOutput = {
	id: '5b1f6c2e-8d3a-4f7b-9e21-6a0c4d8b7f13',
	short_code: 'spring26',
	original_url: 'https://shop.example.com/sale?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale',
	title: 'Spring sale landing page',
	custom_domain: 'go.example.com',
	is_active: true,
	expire_at: '2026-05-31T23:59:59.000Z',
	notes: 'Hero banner link of the April newsletter',
	list_id: '0f9a7c3e-2b4d-4c1a-8e6f-3d5b7a9c1e24',
	created_at: '2026-04-01T09:15:00.000Z',
	updated_at: '2026-04-03T16:42:10.000Z',
	short_url: 'https://go.example.com/spring26',
	list_name: 'Spring campaign',
};

export const linkSummarySample: LinkSummary = {
	short_code: linkSample.short_code,
	title: linkSample.title,
	custom_domain: linkSample.custom_domain,
	short_url: linkSample.short_url,
};
