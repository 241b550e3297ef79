/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only tool, never shipped in the n8n package */
/**
 * `npm run sandbox -- [flags]`: runs the Linkkit sandbox on 127.0.0.1 until SIGINT/SIGTERM.
 * Prints `Linkkit sandbox listening on http://127.0.0.1:<port>`, then the keys and a curl example.
 */
import { parseArgs } from 'node:util';
import type { FractionField } from './faults';
import { startSandbox, type SandboxOptions } from './server';

const HELP = `Linkkit sandbox: a local, stateful Linkkit API (docs/openapi.yaml) with test controls.

Usage: npm run sandbox -- [options]

  --port <n>             port on 127.0.0.1 (default 4010; 0 picks a free one)
  --api-key <key>        full-scope API key (default: a random lk_test_… key)
  --read-only-key <key>  key with the :read scopes only (default: random)
  --rate <n>/s           rate limit refill, requests per second (default 50/s)
  --burst <n>            rate limit bucket size (default 100)
  --links <n>            seed size in links (default 500)
  --faults <fraction>    fraction of /v1 requests answered 500/503 (default 0)
  --fault <kind>=<fraction>
                         fraction of /v1 requests given one fault kind; repeat for several, e.g.
                         --fault commit-drop=0.05 --fault stall=0.01. Kinds:
                           5xx          answered 500 or 503, nothing changed (same as --faults)
                           drop         connection closed without an answer, nothing changed
                           html         a proxy's HTML 502 page, nothing changed
                           commit-drop  carried out (data changed), then closed without an answer
                           commit-500   carried out (data changed), then answered 500
                           stall        no answer for 120 s (longer than clients wait), nothing changed
  --latency <ms>         latency added to every /v1 request (default 0)
  --visibility-lag <ms>  new and changed links, campaigns, segments and clicks show up in list results up to
                         <ms> after their timestamp (random per item, from --seed), as a replicated API's do
  --data <file>          keep state in this JSON file (loaded at start, saved on change and exit)
  --seed <n>             seed for the generated data (default 1)
  --clock-offset <s>     run the sandbox's clock this many seconds ahead (negative: behind) of this machine's,
                         like a server whose clock differs from the client's (Date and X-RateLimit-Reset follow it)
  --verbose              log one line per request
  --help                 show this help

Test controls (no key, 127.0.0.1 only): POST /__sandbox/faults, POST /__sandbox/reset,
POST /__sandbox/rate-limit, POST /__sandbox/clicks, GET /__sandbox/state, GET /__sandbox/stats (requests served,
by status), POST /__sandbox/stats/clear. Per request: header
X-Sandbox-Fault: 500|503|html|drop|429|commit-drop|commit-500|stall|latency=<ms>.`;

class UsageError extends Error {}

const FAULT_FLAG_KINDS: Record<string, FractionField> = {
	'5xx': 'rate',
	drop: 'drop',
	html: 'html',
	'commit-drop': 'commitDrop',
	'commit-500': 'commit500',
	stall: 'stall',
};

/** `--fault commit-drop=0.05` (repeatable) → `{ commitDrop: 0.05 }`. */
function faultMix(values: string[] | undefined): SandboxOptions['faultMix'] {
	if (!values?.length) return undefined;
	const mix: NonNullable<SandboxOptions['faultMix']> = {};
	for (const value of values) {
		const [kind, text] = value.split('=');
		const field = FAULT_FLAG_KINDS[kind];
		if (!field) throw new UsageError(`Invalid --fault: ${value} (kinds: ${Object.keys(FAULT_FLAG_KINDS).join(', ')})`);
		const fraction = number('fault', text, (n) => n >= 0 && n <= 1);
		if (fraction === undefined) throw new UsageError(`Invalid --fault: ${value} (use <kind>=<fraction from 0 to 1>)`);
		mix[field] = fraction;
	}
	return mix;
}

function number(flag: string, text: string | undefined, check: (n: number) => boolean): number | undefined {
	if (text === undefined) return undefined;
	const value = Number(text);
	if (!Number.isFinite(value) || !check(value)) throw new UsageError(`Invalid --${flag}: ${text}`);
	return value;
}

function clockOffset(seconds: number | undefined): Pick<SandboxOptions, 'now'> {
	return seconds ? { now: () => Date.now() + seconds * 1000 } : {};
}

function parseOptions(argv: string[]): SandboxOptions | 'help' {
	const { values } = parseArgs({
		args: argv,
		strict: true,
		options: {
			port: { type: 'string' },
			'api-key': { type: 'string' },
			'read-only-key': { type: 'string' },
			rate: { type: 'string' },
			burst: { type: 'string' },
			links: { type: 'string' },
			faults: { type: 'string' },
			fault: { type: 'string', multiple: true },
			latency: { type: 'string' },
			'visibility-lag': { type: 'string' },
			data: { type: 'string' },
			seed: { type: 'string' },
			'clock-offset': { type: 'string' },
			verbose: { type: 'boolean' },
			help: { type: 'boolean' },
		},
	});
	if (values.help) return 'help';
	const isInt = (n: number) => Number.isInteger(n) && n >= 0;
	return {
		port: number('port', values.port, (n) => isInt(n) && n < 65536) ?? 4010,
		apiKey: values['api-key'],
		readOnlyKey: values['read-only-key'],
		// `10/s` and `10` both mean ten per second.
		rate: number('rate', values.rate?.replace(/\/s$/, ''), (n) => n > 0),
		burst: number('burst', values.burst, (n) => isInt(n) && n >= 1),
		links: number('links', values.links, isInt) ?? 500,
		faults: number('faults', values.faults, (n) => n >= 0 && n <= 1),
		faultMix: faultMix(values.fault),
		latencyMs: number('latency', values.latency, (n) => n >= 0),
		visibilityLagMs: number('visibility-lag', values['visibility-lag'], (n) => n >= 0),
		dataFile: values.data,
		seed: number('seed', values.seed, isInt),
		...clockOffset(number('clock-offset', values['clock-offset'], () => true)),
		log: values.verbose === true,
	};
}

async function main(): Promise<void> {
	let options: SandboxOptions | 'help';
	try {
		options = parseOptions(process.argv.slice(2));
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${HELP}`);
		process.exitCode = 2;
		return;
	}
	if (options === 'help') {
		console.log(HELP);
		return;
	}
	const sandbox = await startSandbox(options);
	console.log(`Linkkit sandbox listening on ${sandbox.url}`);
	console.log(`API key (all scopes):    ${sandbox.apiKey}`);
	console.log(`Read-only key (*:read):  ${sandbox.readOnlyKey}`);
	console.log(`Try: curl -H "Authorization: Bearer ${sandbox.apiKey}" ${sandbox.url}/v1/links?limit=2`);

	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: stopping the Linkkit sandbox`);
		sandbox.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
