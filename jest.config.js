/** Jest runs every suite of the repository; TypeScript through ts-jest (type checks run in `npm run lint`). */
module.exports = {
	testEnvironment: 'node',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/dist/'],
	// The sandbox and n8n suites start real servers; give them room on a shared 2-core machine.
	testTimeout: 60_000,
};
