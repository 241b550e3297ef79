/** The Linkkit client both platforms use: one object per run, built on the platform's port. */

import { LinkkitHttp, type LinkkitHttpOptions } from './http';
import { analyticsApi } from './resources/analytics';
import { apiKeyApi } from './resources/api-key';
import { campaignsApi } from './resources/campaigns';
import { linksApi } from './resources/links';
import { segmentsApi } from './resources/segments';
import type { LinkkitPort } from './transport';

export interface LinkkitClient {
	readonly http: LinkkitHttp;
	readonly links: ReturnType<typeof linksApi>;
	readonly campaigns: ReturnType<typeof campaignsApi>;
	readonly segments: ReturnType<typeof segmentsApi>;
	readonly analytics: ReturnType<typeof analyticsApi>;
	readonly apiKey: ReturnType<typeof apiKeyApi>;
}

export function createLinkkitClient(port: LinkkitPort, options: LinkkitHttpOptions): LinkkitClient {
	const http = new LinkkitHttp(port, options);
	const now = port.now ?? Date.now;
	return {
		http,
		links: linksApi(http),
		campaigns: campaignsApi(http),
		segments: segmentsApi(http),
		analytics: analyticsApi(http, now),
		apiKey: apiKeyApi(http),
	};
}
