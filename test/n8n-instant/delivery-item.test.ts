/**
 * core/webhooks.ts `deliveryItem` for a click whose link cannot be read: only a link that is gone leaves the
 * delivery's own fields; any other failure fails the run (n8n's Retry reads the link again), so no click is handed on
 * with a short URL that lacks its link's custom domain.
 */
import { createLinkkitClient, deliveryItem } from '../../core';
import { apiError, FakePort, json } from '../support/fake-port';

const click = { id: 'c1', clicked_at: '2026-12-03T10:01:00.000Z', country: 'US', city: null, device: 'mobile', browser: 'Safari', os: 'iOS', referer: null };
const delivery = { id: 'e1', event: 'link.clicked' as const, data: { short_code: 'abc123', link_id: 'l1', click } };
const client = (port: FakePort) => createLinkkitClient(port, { baseUrl: 'https://api.uselinkkit.com', retry: { maxRetries: 1, baseDelayMs: 1 } });

it('a click on a link deleted since: the delivery’s own fields', async () => {
	const item = await deliveryItem(delivery, client(new FakePort([apiError(404, 'Link not found')])));
	expect(item).toEqual({ ...click, link_id: 'l1', short_code: 'abc123', short_url: 'https://uselinkkit.com/abc123' });
});

it('a click whose link cannot be read for another reason fails', async () => {
	const port = new FakePort([apiError(500, 'boom'), apiError(500, 'boom')]);
	await expect(deliveryItem(delivery, client(port))).rejects.toMatchObject({ status: 500 });
	expect(port.requests).toHaveLength(2);
});

it('a click on a link that can be read: its id, short code and short URL (custom domain included)', async () => {
	const link = { id: 'l1', short_code: 'abc123', original_url: 'https://example.com', custom_domain: 'go.acme.test', created_at: '2026-12-03T10:00:00.000Z', updated_at: '2026-12-03T10:00:00.000Z' };
	const item = await deliveryItem(delivery, client(new FakePort([json(200, link)])));
	expect(item).toEqual({ ...click, link_id: 'l1', short_code: 'abc123', short_url: 'https://go.acme.test/abc123' });
});
