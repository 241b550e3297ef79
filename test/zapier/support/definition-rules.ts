/**
 * Rules the app's definition must keep, from Zapier's requirements for public integrations and our own design
 * card, checked on the JSON Zapier receives (the zip's definition.json, or the source app turned into JSON the same
 * way). Each rule returns what breaks it, so a test can show both that the app passes and that a violation fails.
 */

type Json = Record<string, unknown>;
type Field = { key?: string; label?: string; helpText?: string; required?: boolean; dynamic?: string; search?: string; children?: Field[] };
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
const BARE_URL = /(?<!\]\()\bhttps?:\/\/[^\s)\]]*[a-z0-9-]\.[a-z]{2,}|\bwww\.[a-z0-9-]+\./i;
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
	'trigger descriptions start "Triggers when"': (definition) =>
		stepsOf(definition, 'triggers')
			.filter((step) => !step.display?.hidden && !/^Triggers when /.test(step.display?.description ?? ''))
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

	'no bare URLs in labels, descriptions or help text': (definition) =>
		userTexts(definition)
			.filter(({ text }) => BARE_URL.test(text))
			.map(({ where, text }) => ({ rule: '', where, detail: text.match(BARE_URL)?.[0] ?? '' })),

	'no sandbox, test-server or local-address wording anywhere': (definition) => {
		const text = JSON.stringify(definition);
		const found = text.match(/sandbox|127\.0\.0\.1|localhost|\.test\b|LINKKIT_API_BASE_URL/gi) ?? [];
		return found.map((match) => ({ rule: '', where: 'definition', detail: match }));
	},

	'no Base URL (or any address) field in the connection': (definition) =>
		(((definition.authentication ?? {}) as { fields?: Field[] }).fields ?? [])
			.filter((field) => /url|host|endpoint|domain|address|server/i.test(`${field.key} ${field.label}`))
			.map((field) => ({ rule: '', where: `authentication.${field.key}`, detail: field.label ?? '' })),

	'required fields come before optional ones': (definition) => {
		const out: Violation[] = [];
		const lists: Array<{ where: string; fields: Field[] }> = [{ where: 'authentication', fields: ((definition.authentication ?? {}) as { fields?: Field[] }).fields ?? [] }];
		for (const kind of ['triggers', 'creates', 'searches'] as const) {
			for (const step of stepsOf(definition, kind)) lists.push({ where: `${kind}.${step.key}`, fields: staticFields(step.operation?.inputFields) });
		}
		for (const { where, fields } of lists) {
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

	'ID dropdowns in actions and searches link to the search that finds them': (definition) => {
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

	'every step has a sample (triggers with an id), a noun, and output fields when shown': (definition) => {
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
	'instant triggers are REST hooks: subscribe, unsubscribe, perform and performList': (definition) =>
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

/** Every violation of every rule. */
export function definitionViolations(definition: Json): Violation[] {
	return Object.entries(rules).flatMap(([rule, check]) => check(definition).map((violation) => ({ ...violation, rule })));
}

/** The app as Zapier receives it: plain JSON, functions as the placeholders core's cleaner gives them. */
export function asDefinitionJson(app: unknown): Json {
	return JSON.parse(JSON.stringify(app, (_key, value: unknown) => (typeof value === 'function' ? '$func$2$f$' : value)));
}
