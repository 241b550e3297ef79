/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- dev-only benchmark, never shipped in the n8n package */
/**
 * `npm run bench`: side-by-side measurements on the sandbox over real HTTP, reported as medians and
 * ratios (this machine is shared and noisy; absolute times mean little, ratios measured in one run do).
 *
 * 1. Pacing: N requests through a rate-limited sandbox with proactive pacing vs reacting to 429s.
 *    Pacing should send ~N requests and provoke ~no 429s; reactive mode spends extra round trips.
 * 2. Core overhead: the core client (URL building, retry bookkeeping, parsing) vs a bare fetch loop sending
 *    the same headers to the same endpoint, so the difference is the core alone.
 */
import { randomBytes } from 'node:crypto';
import { realClient } from '../test/support/fetch-port';
import { startSandbox } from '../sandbox';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
	const apiKey = `lk_test_${randomBytes(12).toString('hex')}`;
	const sandbox = await startSandbox({ port: 0, links: 200, apiKey });
	try {
		console.log(`Linkkit benchmarks on ${sandbox.url}, ${ROUNDS} rounds each, modes alternated\n`);

		// 1. Pacing vs reactive 429 handling
		const requests = 30;
		const rate = 10;
		const results: Record<'paced' | 'reactive', { ms: number[]; sent: number[]; throttled: number[] }> = {
			paced: { ms: [], sent: [], throttled: [] },
			reactive: { ms: [], sent: [], throttled: [] },
		};
		for (let round = 0; round < ROUNDS; round++) {
			for (const mode of round % 2 ? (['reactive', 'paced'] as const) : (['paced', 'reactive'] as const)) {
				sandbox.reset();
				sandbox.setRateLimit(rate, rate);
				const { client, port } = realClient(sandbox.url, apiKey, { pacing: mode === 'paced', maxRetries: 20, baseDelayMs: 100 });
				const start = performance.now();
				for (let i = 0; i < requests; i++) await client.links.listPage({}, { limit: 1 });
				results[mode].ms.push(performance.now() - start);
				results[mode].sent.push(port.exchanges.length);
				results[mode].throttled.push(port.exchanges.filter((e) => e.response?.status === 429).length);
			}
		}
		console.log(`Pacing: ${requests} GETs at ${rate}/s (burst ${rate})`);
		for (const mode of ['paced', 'reactive'] as const) {
			const r = results[mode];
			console.log(
				`  ${mode.padEnd(8)} median ${median(r.ms).toFixed(0)} ms, requests sent ${median(r.sent)}, 429s ${median(r.throttled)}`,
			);
		}
		console.log(
			`  ratio reactive/paced: time ${(median(results.reactive.ms) / median(results.paced.ms)).toFixed(2)}×, ` +
				`requests ${(median(results.reactive.sent) / median(results.paced.sent)).toFixed(2)}×\n`,
		);

		// 2. Core client overhead vs bare fetch
		sandbox.reset();
		sandbox.setRateLimit(100_000, 100_000);
		const calls = 300;
		const core: number[] = [];
		const bare: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const { client } = realClient(sandbox.url, apiKey);
			const runCore = async () => {
				const start = performance.now();
				for (let i = 0; i < calls; i++) await client.links.listPage({}, { limit: 5 });
				core.push(performance.now() - start);
			};
			const runBare = async () => {
				const start = performance.now();
				for (let i = 0; i < calls; i++) {
					const answer = await fetch(`${sandbox.url}/v1/links?limit=5`, { headers: { Accept: 'application/json', Authorization: `Bearer ${apiKey}` } });
					await answer.json();
				}
				bare.push(performance.now() - start);
			};
			if (round % 2) await runBare().then(runCore);
			else await runCore().then(runBare);
		}
		console.log(`Core overhead: ${calls} GET /v1/links?limit=5`);
		console.log(`  core client median ${median(core).toFixed(0)} ms, bare fetch median ${median(bare).toFixed(0)} ms`);
		console.log(`  ratio core/bare: ${(median(core) / median(bare)).toFixed(2)}×`);
	} finally {
		await sandbox.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
