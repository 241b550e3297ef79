/** Labels for segments, campaign settings, tags and QR codes. */
import type { OutputField } from './link';

export const segmentOutputFields: OutputField[] = [
	{ key: 'id', label: 'Segment ID', type: 'string' },
	{ key: 'name', label: 'Name', type: 'string' },
	{ key: 'color', label: 'Color', type: 'string' },
	{ key: 'created_at', label: 'Created At', type: 'datetime' },
];

export const campaignSettingOutputFields: OutputField[] = [
	{ key: 'id', label: 'Campaign Setting ID', type: 'string' },
	{ key: 'name', label: 'Name', type: 'string' },
	{ key: 'utm_source', label: 'UTM Source', type: 'string' },
	{ key: 'utm_medium', label: 'UTM Medium', type: 'string' },
	{ key: 'utm_campaign', label: 'UTM Campaign', type: 'string' },
	{ key: 'utm_term', label: 'UTM Term', type: 'string' },
	{ key: 'utm_content', label: 'UTM Content', type: 'string' },
	{ key: 'ref', label: 'Ref', type: 'string' },
	{ key: 'created_at', label: 'Created At', type: 'datetime' },
];

export const tagOutputFields: OutputField[] = [
	{ key: 'id', label: 'Tag ID', type: 'string' },
	{ key: 'name', label: 'Name', type: 'string' },
	{ key: 'color', label: 'Color', type: 'string' },
	{ key: 'created_at', label: 'Created At', type: 'datetime' },
];

export const qrCodeOutputFields: OutputField[] = [
	{ key: 'id', label: 'QR Code ID', type: 'string' },
	{ key: 'url', label: 'URL', type: 'string' },
	{ key: 'name', label: 'Name', type: 'string' },
	{ key: 'color', label: 'Color', type: 'string' },
	{ key: 'show_logo', label: 'Show Logo', type: 'boolean' },
	{ key: 'logo_url', label: 'Logo URL', type: 'string' },
	{ key: 'created_at', label: 'Created At', type: 'datetime' },
];
