// Generated from docs/openapi.yaml by `npm run generate:contract`. Do not edit by hand.

export const operations = {
	getApiKey: { method: 'GET', path: '/v1/api-key', scope: null, summary: "The calling API key's scopes" },
	listLinks: { method: 'GET', path: '/v1/links', scope: 'links:read', summary: "List links" },
	createLink: { method: 'POST', path: '/v1/links', scope: 'links:write', summary: "Create a link" },
	bulkCreateLinks: { method: 'POST', path: '/v1/links/bulk', scope: 'links:write', summary: "Create up to 100 links in one call" },
	lookupLink: { method: 'GET', path: '/v1/links/lookup', scope: 'links:read', summary: "Find one link by short URL, by domain and slug, or by destination" },
	getLink: { method: 'GET', path: '/v1/links/{id}', scope: 'links:read', summary: "Get a link" },
	updateLink: { method: 'PATCH', path: '/v1/links/{id}', scope: 'links:write', summary: "Update a link" },
	deleteLink: { method: 'DELETE', path: '/v1/links/{id}', scope: 'links:write', summary: "Delete a link" },
	listCampaigns: { method: 'GET', path: '/v1/campaigns', scope: 'campaigns:read', summary: "List campaigns" },
	createCampaign: { method: 'POST', path: '/v1/campaigns', scope: 'campaigns:write', summary: "Create a campaign" },
	getCampaign: { method: 'GET', path: '/v1/campaigns/{id}', scope: 'campaigns:read', summary: "Get a campaign" },
	updateCampaign: { method: 'PATCH', path: '/v1/campaigns/{id}', scope: 'campaigns:write', summary: "Update a campaign" },
	deleteCampaign: { method: 'DELETE', path: '/v1/campaigns/{id}', scope: 'campaigns:write', summary: "Delete a campaign" },
	listSegments: { method: 'GET', path: '/v1/segments', scope: 'segments:read', summary: "List segments" },
	createSegment: { method: 'POST', path: '/v1/segments', scope: 'segments:write', summary: "Create a segment" },
	getSegment: { method: 'GET', path: '/v1/segments/{id}', scope: 'segments:read', summary: "Get a segment" },
	updateSegment: { method: 'PATCH', path: '/v1/segments/{id}', scope: 'segments:write', summary: "Update a segment" },
	deleteSegment: { method: 'DELETE', path: '/v1/segments/{id}', scope: 'segments:write', summary: "Delete a segment" },
	getAnalyticsSummary: { method: 'GET', path: '/v1/analytics/summary', scope: 'analytics:read', summary: "Clicks and unique visitors over a period" },
	getAnalyticsTimeseries: { method: 'GET', path: '/v1/analytics/timeseries', scope: 'analytics:read', summary: "Clicks and unique visitors per hour, day, week or month" },
	getAnalyticsBreakdown: { method: 'GET', path: '/v1/analytics/breakdown', scope: 'analytics:read', summary: "Clicks grouped by country, city, device, OS, browser, referrer or link" },
	listClicks: { method: 'GET', path: '/v1/analytics/clicks', scope: 'analytics:read', summary: "Click events, newest first (or oldest first)" },
} as const;

export type OperationId = keyof typeof operations;
export type Operation = (typeof operations)[OperationId];
