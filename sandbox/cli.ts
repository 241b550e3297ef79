/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- dev-only tool, never shipped in the n8n package */
/**
 * `npm run sandbox -- [flags]`: runs the Linkkit sandbox on 127.0.0.1 until SIGINT/SIGTERM. Prints
 * `Linkkit sandbox listening on http://127.0.0.1:<port>`, then the keys (for the playground; requests never log them).
 */
import { parseCliOptions, UsageError } from './cli-options';
import { startSandbox, type SandboxOptions } from './server';

const HELP = `Linkkit sandbox: a local, stateful Linkkit API (docs/openapi.yaml, Linkkit's published API) with test
controls. Behaviour Linkkit does not document follows docs/assumptions.md.

Usage: npm run sandbox -- [options]

  --port <n>                 port on 127.0.0.1 (default 4010; 0 picks a free one)
  --api-key <key>            API key of the first workspace, "Acme Inc" (default: a random lk_test_… key)
  --other-workspace-key <key>
                             API key of the user's second workspace, "Acme Labs" (default: random)
  --publishable-key <key>    the first workspace's publishable key for /track/* (default: a random pk_test_… key)
  --links <n>                seed size in links (default 500)
  --seed <n>                 seed for the generated data and random faults (default 1)
  --foreign-codes <n|a,b>    short codes the second workspace holds, which a PUT from the first answers 409 for:
                             how many (default 3) or which
  --plan <name>              the first workspace's plan (default pro); "free" has no conversions (403)
  --plan-links <n>           links the first workspace may hold before creates answer 403 (default: no limit)
  --rate <n>/s               rate limit refill per API key, requests per second (default 50/s)
  --burst <n>                rate limit bucket size (default 100)
  --rate-limit-headers <mode>
                             none         429 {"error":"Too many requests"} and no rate-limit header (default)
                             retry-after  Retry-After on 429s
                             full         X-RateLimit-Limit/-Remaining/-Reset/-Reset-After/-Policy on every
                                          answer, Retry-After on 429s
  --faults <fraction>        fraction of API requests answered 500/503 (default 0)
  --fault <kind>=<fraction>  fraction of API requests given one fault kind; repeat for several, e.g.
                             --fault commit-drop=0.05 --fault stall=0.01. Kinds:
                               5xx          answered 500 or 503, nothing changed (same as --faults)
                               drop         connection closed without an answer, nothing changed
                               html         a proxy's HTML 502 page, nothing changed
                               commit-drop  carried out (data changed), then closed without an answer
                               commit-500   carried out (data changed), then answered 500
                               stall        no answer for 120 s (longer than clients wait), nothing changed
  --latency <ms>             latency added to every API request (default 0)
  --visibility-lag <ms>      new and changed links, clicks and conversions show up in list results up to <ms>
                             after their timestamp (random per item, from --seed), as a replicated API's do
  --hook-retry-scale <f>     multiply the webhook retry waits (1 s, 5 s, 25 s, 2 min, 10 min) by f, e.g. 0.01
  --clock-offset <s>         run the sandbox's clock this many seconds ahead (negative: behind) of this machine's,
                             like a server whose clock differs from the client's (Date and X-RateLimit-Reset follow)
  --data <file>              keep state in this JSON file (loaded at start, saved on change and exit)
  --verbose                  log one line per request (method, URL, status; never keys or bodies)
  --help                     show this help

Short links redirect at GET /<short_code> and GET /r/<short_code> (302, lkclid added). Test controls (no key,
127.0.0.1 only): POST /__sandbox/faults, /__sandbox/reset, /__sandbox/rate-limit, /__sandbox/plan,
/__sandbox/clicks, /__sandbox/stats/clear, /__sandbox/deliveries/clear; GET /__sandbox/state, /__sandbox/stats
(?requests=1), /__sandbox/hooks, /__sandbox/deliveries. Per request: header
X-Sandbox-Fault: 500|503|html|drop|429|commit-drop|commit-500|stall|latency=<ms>.`;

async function main(): Promise<void> {
	let options: SandboxOptions | 'help';
	try {
		options = parseCliOptions(process.argv.slice(2));
	} catch (error) {
		// parseArgs throws a TypeError for an unknown flag; both are the user's to fix.
		const usage = error instanceof UsageError || error instanceof TypeError;
		console.error(usage ? `${(error as Error).message}\n\n${HELP}` : error);
		process.exitCode = usage ? 2 : 1;
		return;
	}
	if (options === 'help') {
		console.log(HELP);
		return;
	}
	const sandbox = await startSandbox(options);
	console.log(`Linkkit sandbox listening on ${sandbox.url}`);
	console.log(`API key (Acme Inc):            ${sandbox.apiKey}`);
	console.log(`Publishable key (Acme Inc):    ${sandbox.publishableKey}`);
	console.log(`API key (Acme Labs, 2nd):      ${sandbox.otherWorkspaceKey}`);
	console.log(`Try: curl -H "Authorization: Bearer ${sandbox.apiKey}" "${sandbox.url}/v1/links?limit=2"`);

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
