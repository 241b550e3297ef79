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
	'D021: trigger descriptions start "Triggers when" (hidden ones too)': (d) => (d.triggers.link_created.display.description = 'Fires for each new short link.'),
	'searches are named "Find …" and described "Finds …"': (d) => (d.searches.link_analytics.display.label = 'Link Click Stats'),
	'actions are described with a verb ("Creates …")': (d) => (d.creates.create_tag.display.description = 'A new tag.'),
	'descriptions are short and do not name the app': (d) => (d.creates.create_tag.display.description = 'Creates a tag in Linkkit.'),
	'D008: no bare URLs in labels, descriptions or help text': (d) => (d.creates.create_link.operation.inputFields[0].helpText = 'Such as https://example.com/page.'),
	'5.4: no sandbox, test-server or local-address wording anywhere': (d) => (d.triggers.new_link.operation.sample.notes = 'made in the sandbox'),
	'D026: no Base URL (or any address) field in the connection': (d) => d.authentication.fields.push({ key: 'baseUrl', label: 'Base URL', required: false, helpText: 'Where the API lives, see [Settings](https://app.uselinkkit.com/settings).' }),
	'required fields come before optional ones': (d) => d.creates.create_link.operation.inputFields.reverse(),
	'every input field explains itself (help text of 10+ characters)': (d) => delete d.creates.create_tag.operation.inputFields[0].helpText,
	'D013, D014: ID dropdowns in actions and searches link to the search that finds them': (d) => delete d.creates.add_link_to_segment.operation.inputFields[1].search,
	'D010, D012: every step has a sample (triggers with an id), a noun, and output fields when shown': (d) => {
		const step = d.triggers.new_click.operation;
		delete step.sample.id;
		step.outputFields = step.outputFields.filter((f: Json) => f.key !== 'id');
	},
	'D006, D016, D017: instant triggers are REST hooks: subscribe, unsubscribe, perform and performList': (d) => delete d.triggers.link_clicked.operation.performList,
	'visible triggers have distinct labels (a kept polling variant is hidden)': (d) => (d.triggers.new_link.display = { ...d.triggers.new_link.display, hidden: false, label: 'New Link' }),
	'no secret or signature in samples, output fields or input fields': (d) => {
		const step = d.triggers.link_created.operation;
		step.sample.signature = 'sha256=a3f8c2';
		step.outputFields.push({ key: 'signature', label: 'Signature' });
	},
	'D001, 5.5: no step asks for a credential (they belong in the connection)': (d) =>
		d.creates.create_tag.operation.inputFields.push({ key: 'api_key', label: 'API Key', required: false, helpText: 'Your API key for this step.' }),
	'D002: connection fields link (Markdown) to where the credential is found': (d) => (d.authentication.fields[0].helpText = 'Find it under Settings → API Keys.'),
	'D003, 5.6: the connection label is a template over the test output: no connection input, no key, nothing hard-coded': (d) => (d.authentication.connectionLabel = '{{apiKey}}'),
	'D004: ID input fields are dropdowns (or say why none can exist)': (d) =>
		d.creates.create_tag.operation.inputFields.push({ key: 'owner_id', label: 'Owner ID', required: false, helpText: 'Who owns the tag.' }),
	'D005: dynamic dropdowns name an existing trigger and keys its sample has': (d) => (d.creates.create_link.operation.inputFields[3].dynamic = 'campaign_list.id.name'),
	'dropdown triggers are hidden; a hidden trigger feeds a dropdown or its reason is in zapier/README.md': (d) => (d.triggers.old_clicks = { ...d.triggers.new_click, key: 'old_clicks' }),
	'D007, 4.2: every URL in the definition is https': (d) => (d.triggers.new_link.operation.sample.original_url = 'http://example.com/spring'),
	'D008: Markdown links are well formed (text in brackets, an https target in parentheses)': (d) => (d.creates.create_tag.operation.inputFields[0].helpText = 'The name, see [the docs] for details.'),
	'D009: every search has a field to search by': (d) => (d.searches.find_segment.operation.inputFields = []),
	'D011: help text is not the label again': (d) => Object.assign(d.creates.create_tag.operation.inputFields[0], { label: 'Name of the Tag', helpText: 'Name of the tag.' }),
	'D013, D014: every search connector names an existing search and a key its sample has, and comes with a dropdown': (d) => (d.creates.create_link.operation.inputFields[2].search = 'find_link.title'),
	'D015: search-or-create pairs name an existing search and action': (d) => (d.searchOrCreates.find_segment.create = 'create_list'),
	'D018: step labels are title case; no label ends with a period': (d) => (d.creates.create_tag.display.label = 'Create tag'),
	'D021 and the design guidelines: every description ends with a period': (d) => (d.creates.create_tag.display.description = 'Creates a tag in your workspace'),
	'D022: every action has static input fields': (d) => (d.creates.create_tag.operation.inputFields = []),
	'D023: dates and times in samples are ISO-8601 with a time zone': (d) => (d.triggers.new_link.operation.sample.created_at = '2026-04-01T09:15:00'),
	'D024: samples and output fields match (every output field in the sample with its type, every sample key labelled)': (d) => delete d.creates.create_tag.operation.sample.color,
	'D025: no dangerous URIs (javascript:, vbscript:, data:)': (d) => (d.creates.create_tag.operation.inputFields[0].helpText = 'The name; try javascript:alert(1) for fun.'),
	'4.3: no credential, or anything shaped like one, in samples, output fields or any text': (d) => (d.triggers.new_link.operation.sample.notes = 'made with lk_live_0123456789abcdef'),
	'unique keys: each step under its own key, input and output field keys unique in a step': (d) =>
		d.creates.create_tag.operation.inputFields.push({ ...d.creates.create_tag.operation.inputFields[1] }),
	'nouns are singular (Zapier pluralises them)': (d) => (d.creates.create_tag.noun = 'Tags'),
	'outputs that carry an ID also carry its name (where Linkkit gives one)': (d) => {
		const step = d.creates.create_link.operation;
		step.outputFields = step.outputFields.filter((f: Json) => f.key !== 'list_name');
		delete step.sample.list_name;
	},
	'updated triggers and delete actions exist only with their reason in zapier/README.md': (d) => (d.creates.delete_segment = { ...d.creates.delete_link, key: 'delete_segment' }),
	'delete actions say first that they cannot be undone (a copy field)': (d) => d.creates.delete_link.operation.inputFields.shift(),
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
