/**
 * The app's definition against our rules (support/definition-rules.ts): the source app passes, and each rule fails
 * on a violation planted in a copy. The built zip's own definition.json is checked in built-zip.test.ts.
 */
import { app } from './support/app';
import { asDefinitionJson, definitionViolations, rules } from './support/definition-rules';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- planting violations in plain JSON

test('the app keeps every rule', () => {
	expect(definitionViolations(asDefinitionJson(app))).toEqual([]);
});

const plants: Record<string, (definition: Json) => void> = {
	'trigger descriptions start "Triggers when"': (d) => (d.triggers.link_created.display.description = 'Fires for each new short link.'),
	'searches are named "Find …" and described "Finds …"': (d) => (d.searches.link_analytics.display.label = 'Link Click Stats'),
	'actions are described with a verb ("Creates …")': (d) => (d.creates.create_tag.display.description = 'A new tag.'),
	'descriptions are short and do not name the app': (d) => (d.creates.create_tag.display.description = 'Creates a tag in Linkkit.'),
	'no bare URLs in labels, descriptions or help text': (d) => (d.creates.create_link.operation.inputFields[0].helpText = 'Such as https://example.com/page.'),
	'no sandbox, test-server or local-address wording anywhere': (d) => (d.triggers.new_link.operation.sample.notes = 'made in the sandbox'),
	'no Base URL (or any address) field in the connection': (d) => d.authentication.fields.push({ key: 'baseUrl', label: 'Base URL', required: false, helpText: 'Where the API lives.' }),
	'required fields come before optional ones': (d) => d.creates.create_link.operation.inputFields.reverse(),
	'every input field explains itself (help text of 10+ characters)': (d) => delete d.creates.create_tag.operation.inputFields[0].helpText,
	'ID dropdowns in actions and searches link to the search that finds them': (d) => delete d.creates.add_link_to_segment.operation.inputFields[1].search,
	'every step has a sample (triggers with an id), a noun, and output fields when shown': (d) => delete d.triggers.new_click.operation.sample.id,
	'instant triggers are REST hooks: subscribe, unsubscribe, perform and performList': (d) => delete d.triggers.link_clicked.operation.performList,
	'visible triggers have distinct labels (a kept polling variant is hidden)': (d) => (d.triggers.new_link.display = { ...d.triggers.new_link.display, hidden: false, label: 'New Link' }),
	'no secret or signature in samples, output fields or input fields': (d) => (d.triggers.link_created.operation.sample.secret = 'a3f8c2'),
};

test('every rule has a planted violation here', () => {
	expect(Object.keys(plants).sort()).toEqual(Object.keys(rules).sort());
});

test.each(Object.keys(plants))('"%s" fails on a violation', (rule) => {
	const definition = asDefinitionJson(app) as Json;
	plants[rule](definition);
	const violations = definitionViolations(definition);
	expect(violations.length).toBeGreaterThan(0);
	expect(violations.every((v) => v.rule === rule)).toBe(true);
});
