/** The Linkkit client both platforms use: one object per run, built on the platform's port. */

import { LinkkitHttp, type LinkkitHttpOptions } from './http';
import { accountApi } from './resources/account';
import { analyticsApi } from './resources/analytics';
import { bulkImportApi } from './resources/bulk-import';
import { conversionsApi } from './resources/conversions';
import { hooksApi } from './resources/hooks';
import { linksApi } from './resources/links';
import { qrCodesApi } from './resources/qr-codes';
import { segmentsApi } from './resources/segments';
import { tagsApi } from './resources/tags';
import { utmTemplatesApi } from './resources/utm-templates';
import type { LinkkitPort } from './transport';

export interface LinkkitClientOptions extends LinkkitHttpOptions {
	/**
	 * The workspace's publishable key (`pk_…`), for recording leads and sales; Linkkit takes it in the request body.
	 * Kept out of every message and output like the API key.
	 */
	publishableKey?: string;
}

export function createLinkkitClient(port: LinkkitPort, options: LinkkitClientOptions) {
	const http = new LinkkitHttp(port, options);
	const now = port.now ?? Date.now;
	const links = linksApi(http, now);
	return {
		http,
		links,
		bulk: bulkImportApi(http),
		/** The API's lists. */
		segments: segmentsApi(http, links),
		tags: tagsApi(http),
		/** The API's UTM templates. */
		campaignSettings: utmTemplatesApi(http),
		qrCodes: qrCodesApi(http, async (link) => (await links.get(link)).short_url),
		analytics: analyticsApi(http, now),
		conversions: conversionsApi(http, now, () => options.publishableKey),
		account: accountApi(http),
		hooks: hooksApi(http),
	};
}

export type LinkkitClient = ReturnType<typeof createLinkkitClient>;
