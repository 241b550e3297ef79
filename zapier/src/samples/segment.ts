import type { Segment } from '../../../core';

export const segmentSample: Segment = {
	id: 'seg_2m8x4k1q7p',
	name: 'German mobile visitors',
	description: 'Visitors from Germany on phones',
	match: 'all',
	rules: [
		{ field: 'country', operator: 'is', value: 'DE' },
		{ field: 'device', operator: 'is', value: 'mobile' },
	],
	createdAt: '2026-03-20T12:00:00.000Z',
	updatedAt: '2026-03-20T12:00:00.000Z',
};
