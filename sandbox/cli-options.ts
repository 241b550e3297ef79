/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only tool, never shipped in the n8n package */
/** Turns the CLI's flags into SandboxOptions; anything it cannot read is a UsageError (exit code 2). */
import { parseArgs } from 'node:util';
import type { FractionField } from './faults';
import { DEFAULT_SEED_LINKS, type SandboxOptions } from './options';
import { isRateLimitHeaderMode, RATE_LIMIT_HEADER_MODES } from './rate-limit-middleware';

export class UsageError extends Error {}

const FAULT_FLAG_KINDS: Record<string, FractionField> = {
	'5xx': 'rate',
	drop: 'drop',
	html: 'html',
	'commit-drop': 'commitDrop',
	'commit-500': 'commit500',
	stall: 'stall',
};

function number(flag: string, text: string | undefined, check: (n: number) => boolean): number | undefined {
	if (text === undefined) return undefined;
	const value = Number(text);
	if (text.trim() === '' || !Number.isFinite(value) || !check(value)) throw new UsageError(`Invalid --${flag}: ${text}`);
	return value;
}

/** `--fault commit-drop=0.05` (repeatable) → `{ commitDrop: 0.05 }`. */
function faultMix(values: string[] | undefined): SandboxOptions['faultMix'] {
	if (!values?.length) return undefined;
	const mix: NonNullable<SandboxOptions['faultMix']> = {};
	for (const value of values) {
		const [kind, text] = value.split('=');
		const field = FAULT_FLAG_KINDS[kind];
		if (!field) throw new UsageError(`Invalid --fault: ${value} (kinds: ${Object.keys(FAULT_FLAG_KINDS).join(', ')})`);
		mix[field] = number('fault', text ?? '', (n) => n >= 0 && n <= 1);
	}
	return mix;
}

/** `--foreign-codes 5` (how many) or `--foreign-codes taken1,taken2` (which). */
function foreignCodes(text: string | undefined): SandboxOptions['foreignCodes'] {
	if (text === undefined) return undefined;
	if (/^\d+$/.test(text)) return Number(text);
	const codes = text.split(',').map((code) => code.trim());
	if (codes.some((code) => !/^[a-zA-Z0-9_-]{3,}$/.test(code))) throw new UsageError(`Invalid --foreign-codes: ${text}`);
	return codes;
}

function rateLimitHeaders(text: string | undefined): SandboxOptions['rateLimitHeaders'] {
	if (text === undefined) return undefined;
	if (!isRateLimitHeaderMode(text)) throw new UsageError(`Invalid --rate-limit-headers: ${text} (use ${RATE_LIMIT_HEADER_MODES.join(', ')})`);
	return text;
}

/** `--clock-offset -90` → `--clock-offset=-90`: parseArgs would take a negative value for a flag. */
function joinNegativeValues(argv: string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--clock-offset' && /^-\d+(\.\d+)?$/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
		else out.push(argv[i]);
	}
	return out;
}

/** The options, or 'help'. `now` follows `--clock-offset`. */
export function parseCliOptions(argv: string[], machineNow: () => number = Date.now): SandboxOptions | 'help' {
	const { values } = parseArgs({
		args: joinNegativeValues(argv),
		strict: true,
		options: {
			port: { type: 'string' },
			'api-key': { type: 'string' },
			'other-workspace-key': { type: 'string' },
			'publishable-key': { type: 'string' },
			rate: { type: 'string' },
			burst: { type: 'string' },
			'rate-limit-headers': { type: 'string' },
			links: { type: 'string' },
			'foreign-codes': { type: 'string' },
			plan: { type: 'string' },
			'plan-links': { type: 'string' },
			faults: { type: 'string' },
			fault: { type: 'string', multiple: true },
			latency: { type: 'string' },
			'visibility-lag': { type: 'string' },
			'hook-retry-scale': { type: 'string' },
			data: { type: 'string' },
			seed: { type: 'string' },
			'clock-offset': { type: 'string' },
			verbose: { type: 'boolean' },
			help: { type: 'boolean' },
		},
	});
	if (values.help) return 'help';
	const isCount = (n: number) => Number.isInteger(n) && n >= 0;
	const offsetSeconds = number('clock-offset', values['clock-offset'], () => true);
	return {
		port: number('port', values.port, (n) => isCount(n) && n < 65536) ?? 4010,
		apiKey: values['api-key'],
		otherWorkspaceKey: values['other-workspace-key'],
		publishableKey: values['publishable-key'],
		// `10/s` and `10` both mean ten per second.
		rate: number('rate', values.rate?.replace(/\/s$/, ''), (n) => n > 0),
		burst: number('burst', values.burst, (n) => isCount(n) && n >= 1),
		rateLimitHeaders: rateLimitHeaders(values['rate-limit-headers']),
		links: number('links', values.links, isCount) ?? DEFAULT_SEED_LINKS,
		foreignCodes: foreignCodes(values['foreign-codes']),
		plan: values.plan,
		planLinks: number('plan-links', values['plan-links'], isCount),
		faults: number('faults', values.faults, (n) => n >= 0 && n <= 1),
		faultMix: faultMix(values.fault),
		latencyMs: number('latency', values.latency, (n) => n >= 0),
		visibilityLagMs: number('visibility-lag', values['visibility-lag'], (n) => n >= 0),
		hookRetryScale: number('hook-retry-scale', values['hook-retry-scale'], (n) => n > 0),
		dataFile: values.data,
		seed: number('seed', values.seed, isCount),
		...(offsetSeconds ? { now: () => machineNow() + offsetSeconds * 1000 } : {}),
		log: values.verbose === true,
	};
}
