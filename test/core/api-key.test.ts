import { describeScopes } from '../../core';

describe("a key's scopes in a few words", () => {
	it.each([
		[['links:read', 'links:write', 'campaigns:read', 'campaigns:write', 'segments:read', 'segments:write', 'analytics:read'], 'full access'],
		[['links:read', 'campaigns:read', 'segments:read', 'analytics:read'], 'read-only'],
		[['links:read', 'links:write', 'analytics:read'], 'can change links; can read analytics'],
		[['links:write', 'campaigns:read'], 'can change links; can read campaigns'],
		[['analytics:read'], 'can read analytics'],
		[[], 'no permissions'],
	])('%j → %s', (scopes, words) => expect(describeScopes(scopes)).toBe(words));
});
