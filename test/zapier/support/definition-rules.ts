/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Zapier app tests, never shipped in the n8n package */
/**
 * Rules the app's definition must keep, from Zapier's requirements for public integrations and our own design
 * card, checked on the JSON Zapier receives (the zip's definition.json, or the source app turned into JSON the same
 * way). Each rule returns what breaks it, so a test can show both that the app passes and that a violation fails.
 * A rule taken from Zapier's integration check reference starts with its code (D001 …); zapier/README.md ("Zapier's
 * integration checks") lists every published check and what holds it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flatTypes } from './shape';

type Json = Record<string, unknown>;
type Field = { key?: string; label?: string; helpText?: string; required?: boolean; dynamic?: string; search?: string; type?: string; children?: Field[] };
type OutputField = { key?: string; label?: string; type?: string; primary?: boolean };
type Step = {
	key: string;
	noun?: string;
	display?: { label?: string; description?: string; hidden?: boolean };
	operation?: { type?: string; inputFields?: unknown[]; sample?: unknown; outputFields?: unknown[] } & Record<string, unknown>;
};

export interface Violation {
	rule: string;
	where: string;
	detail: string;
}

const stepsOf = (definition: Json, kind: 'triggers' | 'creates' | 'searches') => Object.values((definition[kind] ?? {}) as Record<string, Step>);
const staticFields = (fields: unknown[] | undefined): Field[] => (fields ?? []).filter((f): f is Field => !!f && typeof f === 'object');

/** A web address with a host, outside a Markdown link's target: what Zapier calls a bare URL. */
const BARE_URL = /(?<!\]\(|`)\bhttps?:\/\/[^\s)\]`]*[a-z0-9-]\.[a-z]{2,}|(?<!`)\bwww\.[a-z0-9-]+\./i;
/** ID dropdowns (not names such as a domain) must name the search that finds them. */
const ID_VALUES = ['id', 'short_code'];
const MAX_DESCRIPTION = 120;

/** Every text a user reads, with where it is. */
function userTexts(definition: Json): Array<{ where: string; text: string }> {
	const out: Array<{ where: string; text: string }> = [];
	const auth = (definition.authentication ?? {}) as { fields?: Field[] };
	for (const field of auth.fields ?? []) out.push({ where: `authentication.${field.key}`, text: `${field.label ?? ''}\n${field.helpText ?? ''}` });
	for (const kind of ['triggers', 'creates', 'searches'] as const) {
		for (const step of stepsOf(definition, kind)) {
			out.push({ where: `${kind}.${step.key}`, text: `${step.display?.label ?? ''}\n${step.display?.description ?? ''}` });
			for (const field of staticFields(step.operation?.inputFields)) {
				for (const f of [field, ...(field.children ?? [])]) out.push({ where: `${kind}.${step.key}.${f.key}`, text: `${f.label ?? ''}\n${f.helpText ?? ''}` });
			}
		}
	}
	for (const [key, pair] of Object.entries((definition.searchOrCreates ?? {}) as Record<string, Step>)) {
		out.push({ where: `searchOrCreates.${key}`, text: `${pair.display?.label ?? ''}\n${pair.display?.description ?? ''}` });
	}
	return out;
}

export const rules: Record<string, (definition: Json) => Violation[]> = {
	'D021: trigger descriptions start "Triggers when" (hidden ones too)': (definition) =>
		stepsOf(definition, 'triggers')
			.filter((step) => !/^Triggers when /.test(step.display?.description ?? ''))
			.map((step) => ({ rule: '', where: `triggers.${step.key}`, detail: step.display?.description ?? '' })),

	'searches are named "Find …" and described "Finds …"': (definition) =>
		stepsOf(definition, 'searches')
			.filter((step) => !/^Find /.test(step.display?.label ?? '') || !/^Finds /.test(step.display?.description ?? ''))
			.map((step) => ({ rule: '', where: `searches.${step.key}`, detail: `${step.display?.label} — ${step.display?.description}` })),

	'actions are described with a verb ("Creates …")': (definition) =>
		stepsOf(definition, 'creates')
			.filter((step) => !/^[A-Z][a-z]+s /.test(step.display?.description ?? ''))
			.map((step) => ({ rule: '', where: `creates.${step.key}`, detail: step.display?.description ?? '' })),

	'descriptions are short and do not name the app': (definition) =>
		[...stepsOf(definition, 'triggers'), ...stepsOf(definition, 'creates'), ...stepsOf(definition, 'searches'), ...(Object.values(definition.searchOrCreates ?? {}) as Step[])]
			.filter((step) => (step.display?.description ?? '').length > MAX_DESCRIPTION || /linkkit/i.test(`${step.display?.label} ${step.display?.description}`))
			.map((step) => ({ rule: '', where: step.key, detail: step.display?.description ?? '' })),

	'D008: no bare URLs in labels, descriptions or help text': (definition) =>
		userTexts(definition)
			.filter(({ text }) => BARE_URL.test(text))
			.map(({ where, text }) => ({ rule: '', where, detail: text.match(BARE_URL)?.[0] ?? '' })),

	'5.4: no sandbox, test-server or local-address wording anywhere': (definition) => {
		const text = JSON.stringify(definition);
		const found = text.match(/sandbox|127\.0\.0\.1|localhost|\.test\b|LINKKIT_API_BASE_URL/gi) ?? [];
		return found.map((match) => ({ rule: '', where: 'definition', detail: match }));
	},

	'D026: no Base URL (or any address) field in the connection': (definition) =>
		(((definition.authentication ?? {}) as { fields?: Field[] }).fields ?? [])
			.filter((field) => /url|host|endpoint|domain|address|server/i.test(`${field.key} ${field.label}`))
			.map((field) => ({ rule: '', where: `authentication.${field.key}`, detail: field.label ?? '' })),

	'required fields come before optional ones': (definition) => {
		const out: Violation[] = [];
		const lists: Array<{ where: string; fields: Field[] }> = [{ where: 'authentication', fields: ((definition.authentication ?? {}) as { fields?: Field[] }).fields ?? [] }];
		for (const kind of ['triggers', 'creates', 'searches'] as const) {
			for (const step of stepsOf(definition, kind)) lists.push({ where: `${kind}.${step.key}`, fields: staticFields(step.operation?.inputFields) });
		}
		for (const { where, fields: all } of lists) {
			const fields = all.filter((f) => f.type !== 'copy'); // a notice, neither required nor optional
			const firstOptional = fields.findIndex((f) => !f.required);
			const lateRequired = fields.find((f, i) => f.required && firstOptional !== -1 && i > firstOptional);
			if (lateRequired) out.push({ rule: '', where: `${where}.${lateRequired.key}`, detail: `required after optional ${fields[firstOptional].key}` });
		}
		return out;
	},

	'every input field explains itself (help text of 10+ characters)': (definition) => {
		const out: Violation[] = [];
		for (const kind of ['triggers', 'creates', 'searches'] as const) {
			for (const step of stepsOf(definition, kind)) {
				for (const field of staticFields(step.operation?.inputFields)) {
					if ((field.helpText ?? '').length < 10) out.push({ rule: '', where: `${kind}.${step.key}.${field.key}`, detail: field.helpText ?? '(none)' });
				}
			}
		}
		return out;
	},

	'D013, D014: ID dropdowns in actions and searches link to the search that finds them': (definition) => {
		const out: Violation[] = [];
		const searches = new Set(Object.keys((definition.searches ?? {}) as object));
		for (const kind of ['creates', 'searches'] as const) {
			for (const step of stepsOf(definition, kind)) {
				for (const field of staticFields(step.operation?.inputFields)) {
					if (!field.dynamic || !ID_VALUES.includes(field.dynamic.split('.')[1])) continue;
					const [searchKey, valueKey] = (field.search ?? '').split('.');
					if (!searches.has(searchKey) || valueKey !== field.dynamic.split('.')[1]) {
						out.push({ rule: '', where: `${kind}.${step.key}.${field.key}`, detail: `dynamic ${field.dynamic}, search ${field.search ?? '(none)'}` });
					}
				}
			}
		}
		return out;
	},

	'D010, D012: every step has a sample (triggers with an id), a noun, and output fields when shown': (definition) => {
		const out: Violation[] = [];
		for (const kind of ['triggers', 'creates', 'searches'] as const) {
			for (const step of stepsOf(definition, kind)) {
				const sample = step.operation?.sample as Json | undefined;
				if (!sample || typeof sample !== 'object') out.push({ rule: '', where: `${kind}.${step.key}`, detail: 'no sample' });
				else if (kind === 'triggers' && !sample.id) out.push({ rule: '', where: `${kind}.${step.key}`, detail: 'sample without id' });
				if (!step.noun) out.push({ rule: '', where: `${kind}.${step.key}`, detail: 'no noun' });
				if (!step.display?.hidden && !(step.operation?.outputFields ?? []).length) out.push({ rule: '', where: `${kind}.${step.key}`, detail: 'no outputFields' });
			}
		}
		return out;
	},
};

/** The functions an instant trigger needs to be a REST hook Zapier subscribes and unsubscribes by itself. */
const REST_HOOK_METHODS = ['performSubscribe', 'performUnsubscribe', 'perform', 'performList'];
/** Keys that would put a webhook's signing material where users see it. */
const SECRET_KEY = /secret|signature/i;

function keysOf(value: unknown, prefix = ''): string[] {
	if (Array.isArray(value)) return value.flatMap((item) => keysOf(item, prefix));
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value as Json).flatMap(([key, inner]) => [`${prefix}${key}`, ...keysOf(inner, `${prefix}${key}.`)]);
}

/** Rules for instant (REST hook) triggers, added with Linkkit's webhooks. */
export const hookRules: Record<string, (definition: Json) => Violation[]> = {
	'D006, D016, D017: instant triggers are REST hooks: subscribe, unsubscribe, perform and performList': (definition) =>
		stepsOf(definition, 'triggers')
			.filter((step) => step.operation?.type === 'hook')
			.flatMap((step) =>
				REST_HOOK_METHODS.filter((method) => !step.operation?.[method]).map((method) => ({ rule: '', where: `triggers.${step.key}`, detail: `no ${method}` })),
			),

	'visible triggers have distinct labels (a kept polling variant is hidden)': (definition) => {
		const byLabel = new Map<string, string[]>();
		for (const step of stepsOf(definition, 'triggers').filter((s) => !s.display?.hidden)) {
			const label = (step.display?.label ?? '').trim().toLowerCase();
			byLabel.set(label, [...(byLabel.get(label) ?? []), step.key]);
		}
		return [...byLabel.entries()].filter(([, keys]) => keys.length > 1).map(([label, keys]) => ({ rule: '', where: keys.join(', '), detail: label }));
	},

	'no secret or signature in samples, output fields or input fields': (definition) => {
		const out: Violation[] = [];
		for (const kind of ['triggers', 'creates', 'searches'] as const) {
			for (const step of stepsOf(definition, kind)) {
				const fieldKeys = [...(step.operation?.outputFields ?? []), ...(step.operation?.inputFields ?? [])].map((f) => String((f as Field | undefined)?.key ?? ''));
				for (const key of [...keysOf(step.operation?.sample), ...fieldKeys].filter((k) => SECRET_KEY.test(k))) {
					out.push({ rule: '', where: `${kind}.${step.key}`, detail: key });
				}
			}
		}
		return out;
	},
};
Object.assign(rules, hookRules);

/** zapier/README.md: where the reasons for operations Zapier asks us to think twice about are written. */
const README = join(__dirname, '../../../zapier/README.md');
const KEPT_SECTION = '## Operations kept on purpose';

/** Each key named (in backticks) in a table row of the README's "Operations kept on purpose", with its reason. */
function keptOnPurpose(): Map<string, string> {
	const text = readFileSync(README, 'utf8');
	const start = text.indexOf(`\n${KEPT_SECTION}\n`);
	if (start === -1) return new Map();
	const end = text.indexOf('\n## ', start + KEPT_SECTION.length + 2);
	const section = text.slice(start, end === -1 ? undefined : end);
	const kept = new Map<string, string>();
	for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
		const cells = row.split('|').map((cell) => cell.trim());
		const reason = cells[cells.length - 2] ?? '';
		for (const [, key] of cells[1].matchAll(/`([a-z0-9_]+)`/g)) kept.set(key, reason);
	}
	return kept;
}

/** Words Zapier's title case keeps lower case inside a label (the `titlecase` library's small words). */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'en', 'for', 'if', 'in', 'of', 'on', 'or', 'the', 'to', 'v', 'via', 'vs']);
function titleCaseProblem(label: string): string | undefined {
	const words = label.split(/\s+/).filter(Boolean);
	for (const [i, raw] of words.entries()) {
		const word = raw.replace(/^[("'“]+/, '');
		const small = SMALL_WORDS.has(word.toLowerCase()) && i > 0 && i < words.length - 1;
		if (small ? word !== word.toLowerCase() : /^[a-z]/.test(word)) return raw;
	}
	return undefined;
}

/** Input fields of every step (children too), with where they are. */
function inputFieldsOf(definition: Json): Array<{ kind: string; step: Step; field: Field }> {
	const out: Array<{ kind: string; step: Step; field: Field }> = [];
	for (const kind of ['triggers', 'creates', 'searches'] as const) {
		for (const step of stepsOf(definition, kind)) {
			for (const field of staticFields(step.operation?.inputFields)) for (const f of [field, ...(field.children ?? [])]) out.push({ kind, step, field: f });
		}
	}
	return out;
}

/** Every string in a JSON value, with its path. */
function stringsOf(value: unknown, path = ''): Array<{ path: string; text: string }> {
	if (typeof value === 'string') return [{ path, text: value }];
	if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, `${path}[${i}]`));
	if (value && typeof value === 'object') return Object.entries(value as Json).flatMap(([key, inner]) => stringsOf(inner, path ? `${path}.${key}` : key));
	return [];
}

const ALL_STEPS = (definition: Json) => (['triggers', 'creates', 'searches'] as const).flatMap((kind) => stepsOf(definition, kind).map((step) => ({ kind, step })));
const outputFieldsOf = (step: Step) => (step.operation?.outputFields ?? []).filter((f): f is OutputField => !!f && typeof f === 'object');
const sampleOf = (step: Step) => step.operation?.sample as Json | undefined;

/** Field keys and labels that ask for a credential (D001: credentials belong in the connection). */
const CREDENTIAL = /api[ _-]?key|apikey|access[ _-]?token|\btoken\b|password|secret|client[ _-]?(id|secret)|publishable/i;
/** Anything shaped like a Linkkit (or similar) key. */
const KEY_SHAPED = /\b(lk|pk|sk)_(live|test)_[A-Za-z0-9]{6,}|\bBearer\s+[A-Za-z0-9._-]{12,}/;
/**
 * Input fields that carry an identifier and are not dropdowns, each with why no dropdown can exist (D004 asks for a
 * dropdown on ID fields): these identify things in the user's own systems, or a value carried on a landing page URL.
 */
export const ID_FIELDS_WITHOUT_DROPDOWN: Record<string, string> = {
	customer_external_id: "the customer's identifier in the user's own shop or CRM: Linkkit has no list of them before a conversion names one",
	invoice_id: "the user's own invoice or order number, not a Linkkit object",
	lkclid: 'the click reference Linkkit appends to the destination URL; it reaches the user with their visitor (a form or page), never from a list',
};
const ID_FIELD = (field: Field) => /(^id$|_id$|[a-z]Id$)/.test(field.key ?? '') || /\bID$/.test(field.label ?? '');
/** Output ids and the output fields that name the same thing (API gives a name); ids without a name say why. */
export const NAMES_OF_IDS: Record<string, string[]> = {
	list_id: ['list_name'],
	link_id: ['title', 'link_title', 'link__title'],
	customer_external_id: ['customer_name'],
};
export const IDS_WITHOUT_NAME: Record<string, string> = {
	click_id: 'a click has no name in Linkkit (its details are the New Click item)',
	invoice_id: "the user's own invoice number: the number is what names it",
};
const TYPE_OF_FIELD: Record<string, string[]> = { string: ['string'], datetime: ['string'], integer: ['number'], number: ['number'], boolean: ['boolean'] };
/** Output keys whose inner keys are the user's own (labelled as a whole). */
const OPEN_OBJECTS = ['metadata'];
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** Renders a connection label template as Zapier does: keys of the test's output, lifted to the top level. */
export function renderConnectionLabel(template: string, testOutput: Record<string, unknown>): string {
	return template.replace(/\{\{\s*(?:bundle\.inputData\.)?([\w.]+)\s*\}\}/g, (_m, key: string) => {
		const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], testOutput);
		return value === null || value === undefined ? '' : String(value);
	});
}

/** Rules for the rest of Zapier's published checks and its publishing requirements (README: "Zapier's integration checks"). */
export const checkRules: Record<string, (definition: Json) => Violation[]> = {
	'D001, 5.5: no step asks for a credential (they belong in the connection)': (definition) =>
		inputFieldsOf(definition)
			.filter(({ field }) => CREDENTIAL.test(`${field.key} ${field.label}`))
			.map(({ kind, step, field }) => ({ rule: '', where: `${kind}.${step.key}.${field.key}`, detail: field.label ?? '' })),

	'D002: connection fields link (Markdown) to where the credential is found': (definition) =>
		(((definition.authentication ?? {}) as { fields?: Field[] }).fields ?? [])
			.filter((field) => !/\[[^\]]+\]\(https:\/\/[^)\s]+\)/.test(field.helpText ?? ''))
			.map((field) => ({ rule: '', where: `authentication.${field.key}`, detail: field.helpText ?? '(none)' })),

	'D003, 5.6: the connection label is a template over the test output: no connection input, no key, nothing hard-coded': (definition) => {
		const auth = (definition.authentication ?? {}) as { connectionLabel?: unknown; fields?: Field[] };
		const label = auth.connectionLabel;
		if (typeof label !== 'string' || !label.trim()) return [{ rule: '', where: 'authentication.connectionLabel', detail: `not a template: ${JSON.stringify(label)}` }];
		const out: Violation[] = [];
		const refs = [...label.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]);
		if (!refs.length) out.push({ rule: '', where: 'authentication.connectionLabel', detail: `names nothing from the test: ${label}` });
		const inputs = new Set((auth.fields ?? []).map((f) => f.key));
		for (const ref of refs) {
			const key = ref.replace(/^bundle\.inputData\./, '');
			if (ref.startsWith('bundle.authData.') || inputs.has(key) || CREDENTIAL.test(key)) out.push({ rule: '', where: 'authentication.connectionLabel', detail: `uses ${ref}` });
		}
		const literal = label.replace(/\{\{[^}]*\}\}/g, '');
		if (/linkkit|success|connected|account/i.test(literal)) out.push({ rule: '', where: 'authentication.connectionLabel', detail: `hard-coded text: ${literal.trim()}` });
		return out;
	},

	'D004: ID input fields are dropdowns (or say why none can exist)': (definition) =>
		inputFieldsOf(definition)
			.filter(({ field }) => ID_FIELD(field) && !field.dynamic && !ID_FIELDS_WITHOUT_DROPDOWN[field.key ?? ''])
			.map(({ kind, step, field }) => ({ rule: '', where: `${kind}.${step.key}.${field.key}`, detail: field.label ?? '' })),

	'D005: dynamic dropdowns name an existing trigger and keys its sample has': (definition) => {
		const triggers = (definition.triggers ?? {}) as Record<string, Step>;
		return inputFieldsOf(definition)
			.filter(({ field }) => field.dynamic)
			.filter(({ field }) => {
				const [triggerKey, valueKey, labelKey] = String(field.dynamic).split('.');
				const sample = triggers[triggerKey] ? sampleOf(triggers[triggerKey]) : undefined;
				return !sample || !(valueKey in sample) || (labelKey !== undefined && !(labelKey in sample));
			})
			.map(({ kind, step, field }) => ({ rule: '', where: `${kind}.${step.key}.${field.key}`, detail: String(field.dynamic) }));
	},

	'dropdown triggers are hidden; a hidden trigger feeds a dropdown or its reason is in zapier/README.md': (definition) => {
		const used = new Set(inputFieldsOf(definition).map(({ field }) => String(field.dynamic ?? '').split('.')[0]).filter(Boolean));
		const kept = keptOnPurpose();
		const out: Violation[] = [];
		for (const step of stepsOf(definition, 'triggers')) {
			if (used.has(step.key) && !step.display?.hidden) out.push({ rule: '', where: `triggers.${step.key}`, detail: 'feeds a dropdown but is shown' });
			if (step.display?.hidden && !used.has(step.key) && !kept.has(step.key)) out.push({ rule: '', where: `triggers.${step.key}`, detail: `hidden, feeds no dropdown, not in README "${KEPT_SECTION}"` });
		}
		return out;
	},

	'D007, 4.2: every URL in the definition is https': (definition) =>
		stringsOf(definition)
			.filter(({ text }) => /\bhttp:\/\//i.test(text))
			.map(({ path, text }) => ({ rule: '', where: path, detail: text })),

	'D008: Markdown links are well formed (text in brackets, an https target in parentheses)': (definition) =>
		userTexts(definition)
			.filter(({ text }) => /\[[^\]]*\](?!\()|\]\((?!https:\/\/)|\[[^\]]*$/m.test(text.replace(/`[^`]*`/g, '')))
			.map(({ where, text }) => ({ rule: '', where, detail: text })),

	'D009: every search has a field to search by': (definition) =>
		stepsOf(definition, 'searches')
			.filter((step) => !staticFields(step.operation?.inputFields).some((f) => f.type !== 'copy'))
			.map((step) => ({ rule: '', where: `searches.${step.key}`, detail: 'no input field' })),

	'D011: help text is not the label again': (definition) => {
		const plain = (text: string | undefined) => (text ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
		const fields = [
			...(((definition.authentication ?? {}) as { fields?: Field[] }).fields ?? []).map((field) => ({ where: `authentication.${field.key}`, field })),
			...inputFieldsOf(definition).map(({ kind, step, field }) => ({ where: `${kind}.${step.key}.${field.key}`, field })),
		];
		return fields.filter(({ field }) => field.helpText && plain(field.helpText) === plain(field.label)).map(({ where, field }) => ({ rule: '', where, detail: field.helpText ?? '' }));
	},

	'D013, D014: every search connector names an existing search and a key its sample has, and comes with a dropdown': (definition) => {
		const searches = (definition.searches ?? {}) as Record<string, Step>;
		return inputFieldsOf(definition)
			.filter(({ field }) => field.search)
			.filter(({ field }) => {
				const [searchKey, valueKey] = String(field.search).split('.');
				const sample = searches[searchKey] ? sampleOf(searches[searchKey]) : undefined;
				return !field.dynamic || !sample || !(valueKey in sample);
			})
			.map(({ kind, step, field }) => ({ rule: '', where: `${kind}.${step.key}.${field.key}`, detail: `search ${field.search}, dynamic ${field.dynamic ?? '(none)'}` }));
	},

	'D015: search-or-create pairs name an existing search and action': (definition) => {
		const searches = (definition.searches ?? {}) as Json;
		const creates = (definition.creates ?? {}) as Json;
		return Object.entries((definition.searchOrCreates ?? {}) as Record<string, { key?: string; search?: string; create?: string }>)
			.filter(([key, pair]) => pair.key !== key || !searches[pair.search ?? ''] || !creates[pair.create ?? ''])
			.map(([key, pair]) => ({ rule: '', where: `searchOrCreates.${key}`, detail: `search ${pair.search}, create ${pair.create}` }));
	},

	'D018: step labels are title case; no label ends with a period': (definition) => {
		const out: Violation[] = [];
		const steps = [...ALL_STEPS(definition).map(({ kind, step }) => ({ where: `${kind}.${step.key}`, label: step.display?.label ?? '' }))];
		for (const [key, pair] of Object.entries((definition.searchOrCreates ?? {}) as Record<string, Step>)) steps.push({ where: `searchOrCreates.${key}`, label: pair.display?.label ?? '' });
		for (const { where, label } of steps) {
			const word = titleCaseProblem(label);
			if (word) out.push({ rule: '', where, detail: `"${label}": ${word}` });
		}
		const labels = [
			...steps,
			...(((definition.authentication ?? {}) as { fields?: Field[] }).fields ?? []).map((f) => ({ where: `authentication.${f.key}`, label: f.label ?? '' })),
			...inputFieldsOf(definition).map(({ kind, step, field }) => ({ where: `${kind}.${step.key}.${field.key}`, label: field.label ?? '' })),
			...ALL_STEPS(definition).flatMap(({ kind, step }) => outputFieldsOf(step).map((f) => ({ where: `${kind}.${step.key}.output.${f.key}`, label: f.label ?? '' }))),
		];
		for (const { where, label } of labels) if (/\.\s*$/.test(label)) out.push({ rule: '', where, detail: label });
		return out;
	},

	'D021 and the design guidelines: every description ends with a period': (definition) =>
		[...ALL_STEPS(definition).map(({ kind, step }) => ({ where: `${kind}.${step.key}`, text: step.display?.description ?? '' })), ...Object.entries((definition.searchOrCreates ?? {}) as Record<string, Step>).map(([key, pair]) => ({ where: `searchOrCreates.${key}`, text: pair.display?.description ?? '' }))]
			.filter(({ text }) => !/\.$/.test(text.trim()))
			.map(({ where, text }) => ({ rule: '', where, detail: text })),

	'D022: every action has static input fields': (definition) =>
		stepsOf(definition, 'creates')
			.filter((step) => !staticFields(step.operation?.inputFields).some((f) => f.type !== 'copy'))
			.map((step) => ({ rule: '', where: `creates.${step.key}`, detail: 'no static input field' })),

	'D023: dates and times in samples are ISO-8601 with a time zone': (definition) =>
		ALL_STEPS(definition).flatMap(({ kind, step }) =>
			Object.entries(flatValues(sampleOf(step)))
				.filter(([key, value]) => typeof value === 'string' && (/(_at|^from|^to)$/.test(key) || /^\d{4}-\d{2}-\d{2}/.test(value)) && value !== '' && !ISO_8601.test(value))
				.map(([key, value]) => ({ rule: '', where: `${kind}.${step.key}.sample.${key}`, detail: String(value) })),
		),

	'D024: samples and output fields match (every output field in the sample with its type, every sample key labelled)': (definition) => {
		const out: Violation[] = [];
		for (const { kind, step } of ALL_STEPS(definition)) {
			const fields = outputFieldsOf(step);
			const sample = sampleOf(step);
			if (!fields.length || !sample) continue;
			const types = flatTypes(sample);
			const typeOf = (key: string) => (OPEN_OBJECTS.includes(key) && Object.keys(types).some((k) => k.startsWith(`${key}__`)) ? 'object' : types[key]);
			for (const field of fields) {
				const type = typeOf(field.key ?? '');
				if (type === undefined) out.push({ rule: '', where: `${kind}.${step.key}.output.${field.key}`, detail: 'not in the sample' });
				else if (field.type && type !== 'null' && !TYPE_OF_FIELD[field.type]?.includes(type)) out.push({ rule: '', where: `${kind}.${step.key}.output.${field.key}`, detail: `${field.type}, sample has ${type}` });
			}
			const labelled = fields.map((f) => f.key ?? '');
			for (const key of Object.keys(types)) {
				const top = OPEN_OBJECTS.find((name) => key.startsWith(`${name}__`)) ?? key;
				if (!labelled.includes(top)) out.push({ rule: '', where: `${kind}.${step.key}.sample.${key}`, detail: 'no output field' });
			}
		}
		return out;
	},

	'D025: no dangerous URIs (javascript:, vbscript:, data:)': (definition) =>
		stringsOf(definition)
			.filter(({ text }) => /(^|[\s("'[<=])(javascript|vbscript):|(^|[\s("'[<=])data:[a-z]+\//i.test(text))
			.map(({ path, text }) => ({ rule: '', where: path, detail: text })),

	'4.3: no credential, or anything shaped like one, in samples, output fields or any text': (definition) => {
		const out: Violation[] = [];
		for (const { path, text } of stringsOf(definition)) if (KEY_SHAPED.test(text)) out.push({ rule: '', where: path, detail: text.match(KEY_SHAPED)?.[0] ?? '' });
		for (const { kind, step } of ALL_STEPS(definition)) {
			const keys = [...keysOfSample(sampleOf(step)), ...outputFieldsOf(step).map((f) => `${f.key} ${f.label}`)];
			for (const key of keys.filter((k) => CREDENTIAL.test(k))) out.push({ rule: '', where: `${kind}.${step.key}`, detail: key });
		}
		return out;
	},

	'unique keys: each step under its own key, input and output field keys unique in a step': (definition) => {
		const out: Violation[] = [];
		for (const kind of ['triggers', 'creates', 'searches', 'searchOrCreates'] as const) {
			for (const [key, step] of Object.entries((definition[kind] ?? {}) as Record<string, Step>)) {
				if (step.key !== key) out.push({ rule: '', where: `${kind}.${key}`, detail: `key ${step.key}` });
			}
		}
		for (const { kind, step } of ALL_STEPS(definition)) {
			const inputs = inputFieldsOf({ [kind]: { [step.key]: step } }).map(({ field }) => field.key ?? '');
			const outputs = outputFieldsOf(step).map((f) => f.key ?? '');
			for (const [what, keys] of [['input', inputs], ['output', outputs]] as const) {
				for (const dup of keys.filter((k, i) => keys.indexOf(k) !== i)) out.push({ rule: '', where: `${kind}.${step.key}.${what}`, detail: dup });
			}
		}
		return out;
	},

	'nouns are singular (Zapier pluralises them)': (definition) =>
		ALL_STEPS(definition)
			.filter(({ step }) => /[^su]s$/i.test(step.noun ?? ''))
			.map(({ kind, step }) => ({ rule: '', where: `${kind}.${step.key}`, detail: step.noun ?? '' })),

	'outputs that carry an ID also carry its name (where Linkkit gives one)': (definition) => {
		const out: Violation[] = [];
		for (const { kind, step } of ALL_STEPS(definition)) {
			const keys = new Set(outputFieldsOf(step).map((f) => f.key ?? ''));
			for (const key of keys) {
				if (!/_id$/.test(key) || IDS_WITHOUT_NAME[key]) continue;
				const names = NAMES_OF_IDS[key];
				if (!names) out.push({ rule: '', where: `${kind}.${step.key}.output.${key}`, detail: 'an id with no known name: add it to NAMES_OF_IDS or IDS_WITHOUT_NAME' });
				else if (!names.some((name) => keys.has(name))) out.push({ rule: '', where: `${kind}.${step.key}.output.${key}`, detail: `none of ${names.join(', ')}` });
			}
		}
		return out;
	},

	'updated triggers and delete actions exist only with their reason in zapier/README.md': (definition) => {
		const kept = keptOnPurpose();
		const needReason = [
			...stepsOf(definition, 'triggers').filter((step) => /updat/i.test(`${step.key} ${step.display?.label}`)).map((step) => ({ where: `triggers.${step.key}`, key: step.key })),
			...stepsOf(definition, 'creates').filter((step) => /delete/i.test(`${step.key} ${step.display?.label}`)).map((step) => ({ where: `creates.${step.key}`, key: step.key })),
		];
		return needReason.filter(({ key }) => (kept.get(key) ?? '').length < 40).map(({ where }) => ({ rule: '', where, detail: `no reason in README "${KEPT_SECTION}"` }));
	},

	'delete actions say first that they cannot be undone (a copy field)': (definition) =>
		stepsOf(definition, 'creates')
			.filter((step) => /delete/i.test(`${step.key} ${step.display?.label}`))
			.filter((step) => {
				const first = staticFields(step.operation?.inputFields)[0];
				return first?.type !== 'copy' || !/cannot be undone/i.test(first.helpText ?? '');
			})
			.map((step) => ({ rule: '', where: `creates.${step.key}`, detail: 'no copy field saying it cannot be undone' })),
};
Object.assign(rules, checkRules);

/** A sample flattened the way Zapier shows it (`link__short_url`, `breakdown[]value`), with the values. */
function flatValues(value: unknown, prefix = ''): Record<string, unknown> {
	if (Array.isArray(value)) return value.reduce<Record<string, unknown>>((acc, item) => ({ ...acc, ...flatValues(item, `${prefix}[]`) }), {});
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value as Json)) Object.assign(out, flatValues(inner, prefix ? (prefix.endsWith('[]') ? `${prefix}${key}` : `${prefix}__${key}`) : key));
		return out;
	}
	return { [prefix]: value };
}

function keysOfSample(sample: unknown): string[] {
	return Object.keys(flatValues(sample));
}

/** Every violation of every rule. */
export function definitionViolations(definition: Json): Violation[] {
	return Object.entries(rules).flatMap(([rule, check]) => check(definition).map((violation) => ({ ...violation, rule })));
}

/** The app as Zapier receives it: plain JSON, functions as the placeholders core's cleaner gives them. */
export function asDefinitionJson(app: unknown): Json {
	return JSON.parse(JSON.stringify(app, (_key, value: unknown) => (typeof value === 'function' ? '$func$2$f$' : value)));
}
