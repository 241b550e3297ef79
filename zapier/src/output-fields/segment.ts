export const segmentOutputFields = [
	{ key: 'id', label: 'Segment ID', type: 'string' as const },
	{ key: 'name', label: 'Name', type: 'string' as const },
	{ key: 'description', label: 'Description', type: 'string' as const },
	{ key: 'match', label: 'Match', type: 'string' as const },
	{ key: 'rules[]field', label: 'Rule Visitor Property', type: 'string' as const },
	{ key: 'rules[]operator', label: 'Rule Operator', type: 'string' as const },
	{ key: 'rules[]value', label: 'Rule Value', type: 'string' as const },
	{ key: 'createdAt', label: 'Created At', type: 'datetime' as const },
	{ key: 'updatedAt', label: 'Updated At', type: 'datetime' as const },
];
