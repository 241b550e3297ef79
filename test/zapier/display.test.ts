/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app tests, never shipped in the n8n package */
/**
 * Marking steps important (D019: New Link, New Click, Link Click Milestone, Create Link, Find Link, Get Link
 * Analytics) needs `display.important`, which zapier-platform-schema 19 does not have: its display schema allows only
 * label, description, directions and hidden, and refuses anything else. This test fails the day the installed schema
 * accepts it, as the reminder to add `important: true` to those six steps.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { app, ZAPIER_APP_DIR } from './support/app';

const schema = createRequire(join(ZAPIER_APP_DIR, 'package.json'))('zapier-platform-schema') as {
	validateAppDefinition(definition: unknown): { errors: Array<{ stack: string }> };
};

/** The app as plain JSON, functions as the placeholder strings core's cleaner gives them before the schema check. */
function definition(): Record<string, Record<string, { display: Record<string, unknown> }>> {
	return JSON.parse(JSON.stringify(app, (_key, value: unknown) => (typeof value === 'function' ? '$func$2$f$' : value)));
}

describe('step display', () => {
	test('the app validates, and the installed schema still has no display.important to mark D019 steps with', () => {
		const plain = definition();
		expect(schema.validateAppDefinition(plain).errors).toEqual([]);
		plain.triggers.new_link.display.important = true;
		expect(schema.validateAppDefinition(plain).errors.map((e) => e.stack)).toEqual([
			'instance.triggers.new_link.display is not allowed to have the additional property "important"',
		]);
	});
});
