import type { Click } from '../../../core';
import { linkSample } from './link';

export const clickSample: Click = {
	id: 'clk_9d2f7h3k5m',
	linkId: linkSample.id,
	shortUrl: linkSample.shortUrl,
	linkTitle: linkSample.title,
	timestamp: '2026-04-03T17:05:42.000Z',
	country: 'DE',
	city: 'Berlin',
	device: 'mobile',
	os: 'iOS',
	browser: 'Mobile Safari',
	referrer: 'news.ycombinator.com',
	segmentIds: ['seg_2m8x4k1q7p'],
};
