/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The package in n8n 2.41.1's queue mode, as users scale out: PostgreSQL and Redis (Debian packages, throwaway, on
 * 127.0.0.1), one `n8n start` main (editor, webhooks, trigger polls) and two `n8n worker` processes that run the
 * executions, each with the packed package installed in its own user folder. One cluster for the whole file, against
 * a sandbox whose 429s carry no rate-limit header (Linkkit's documented behaviour, the sandbox's default).
 * Everything is checked against the sandbox's own records (its links and its request log).
 * Skipped when LINKKIT_SKIP_REAL_N8N=1 (`npm run test:fast`).
 */
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, type Link } from '../../core';
import { packPackage, repoRoot } from '../../scripts/n8n/instance';
import { n8nBin } from '../../scripts/n8n/provision';
import { startQueueCluster, type QueueCluster } from '../../scripts/n8n/queue-cluster';
import { N8nRest } from '../../scripts/n8n/rest';
import { linksByDestination } from '../support/fault-soak';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startCollector, type Collector } from './collector';
import { newLinksToCollector, webhookToCreate } from './queue-workflows';
import { linkkitCredentialJson } from './workflows';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeReal = skip ? describe.skip : describe;
const runTag = `q${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

jest.setTimeout(600_000);

interface Execution {
	id: string;
	status: string;
	mode: string;
	retryOf: string | null;
	createdAt: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

interface RunData {
	resultData?: { error?: { message: string; description?: string } };
	executionData?: { runtimeData?: { establishedAt?: number; source?: string }; contextData?: { flow?: Record<string, unknown> } };
}

const rowsFor = (kind: string, count: number) =>
	Array.from({ length: count }, (_, i) => ({ row: `${runTag}-${kind}-${i}`, url: `https://queue.example.org/${runTag}/${kind}/${i}` }));

/** The share of answers that were 429, as a percentage with one decimal. */
const share = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;

describeReal('n8n queue mode: one main, two workers, PostgreSQL and Redis', () => {
	let sandbox: RunningSandbox;
	let collector: Collector;
	let cluster: QueueCluster;
	let rest: N8nRest;

	/** The sandbox's own record of links whose destination or title contains `search`. */
	const linksMatching = async (search: string): Promise<Link[]> => {
		const { client } = realClient(sandbox.url, sandbox.apiKey, { maxRetries: 10 });
		return await collect(client.links.iterate({ search }, { returnAll: true }));
	};
	/** Every API request the sandbox answered (or left unanswered) that arrived at or after `at`, oldest first. */
	const requestsSince = (at: number, until = Infinity) => sandbox.stats.list().filter((r) => r.startMs >= at && r.startMs <= until && r.url.startsWith('/v1/'));
	/** Creates: PUT /v1/links/{code} (derived codes), POST /v1/links and /v1/links/bulk. */
	const createsSince = (at: number) =>
		requestsSince(at).filter((r) => (r.method === 'PUT' && r.url.startsWith('/v1/links/')) || (r.method === 'POST' && r.url.startsWith('/v1/links')));
	/**
	 * Starts an execution. Each call on a connection of its own: fetch reuses kept-alive sockets, and one the server
	 * closes just as it is reused fails the call without saying whether n8n started the execution.
	 */
	const postWebhook = async (path: string, rows: unknown[]) => {
		const payload = JSON.stringify({ rows });
		const status = await new Promise<number>((resolve, reject) => {
			const req = request(
				`${cluster.main.url}/webhook/${path}`,
				{ method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
				},
			);
			req.on('error', reject);
			req.end(payload);
		});
		expect(status).toBe(200);
	};
	const executionsOf = async (workflowId: string): Promise<Execution[]> => {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const answer = await rest.call<{ results: Execution[] }>('GET', `/rest/executions?filter=${filter}&limit=100`);
		expect(answer.status).toBe(200);
		return [...answer.body.results].sort((a, b) => Number(a.id) - Number(b.id));
	};
	/** Waits until `count` executions of the workflow have ended (any status other than new/running/waiting). */
	const waitForEnded = async (workflowId: string, count: number, timeoutMs: number): Promise<Execution[]> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = await executionsOf(workflowId);
			const ended = executions.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
			if (ended.length >= count || Date.now() > deadline) return executions;
			await sleep(1000);
		}
	};
	/** An execution's stored run data (n8n keeps it in its `flatted` format). */
	const runDataOf = async (id: string) => {
		const answer = await rest.call<{ data: string }>('GET', `/rest/executions/${id}`);
		const flatted = createRequire(n8nBin())('flatted') as { parse: (text: string) => RunData };
		return flatted.parse(answer.body.data);
	};
	const errorOf = async (id: string) => {
		const error = (await runDataOf(id)).resultData?.error;
		return error ? `${error.message}${error.description ? ` — ${error.description}` : ''}` : 'no error stored';
	};
	/** The random ID the Linkkit node keeps in the execution's flow context (nodes/Linkkit/actions/common/execution-identity.ts). */
	const flowKeyOf = async (id: string) => (await runDataOf(id)).executionData?.contextData?.flow?.linkkitExecutionKey;
	/** Which worker (index) logged that it started the execution. */
	const workerOf = (executionId: string): number[] =>
		cluster.workers.flatMap((worker, index) => (worker.log().includes(`Worker started execution ${executionId} `) ? [index] : []));

	beforeAll(async () => {
		sandbox = await startTestSandbox();
		// One API key limited to 5 requests per second, shared by the trigger and every execution on both workers.
		sandbox.setRateLimit(5, 5);
		collector = await startCollector();
		const tarball = packPackage(join(repoRoot, 'tmp/n8n-queue/pack'));
		cluster = await startQueueCluster({
			baseDir: join(repoRoot, 'tmp/n8n-queue'),
			tarball,
			workers: 2,
			// Two executions per worker, so four at once must use both workers (n8n warns below 5; that is expected here).
			concurrency: 2,
			// How soon n8n notices a dead worker: its job lock lapses (default 60 s) and the stalled-job check runs
			// (default every 30 s). Shortened so the SIGKILL test does not wait minutes.
			env: {
				QUEUE_WORKER_LOCK_DURATION: '15000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
				// n8n's default pool is 2 connections per process: a worker running two executions while a third saves its
				// result ran out of them on a loaded machine (connection timeouts, its jobs then failed as stalled).
				DB_POSTGRESDB_POOL_SIZE: '6',
			},
			async beforeStart(cli) {
				await cli.importCredentials([linkkitCredentialJson(sandbox)]);
				await cli.importWorkflows([
					newLinksToCollector('qNewLinks', collector.url),
					webhookToCreate('qCreate', 'q-create', 'create'),
					// 50 rows per bulk request, so each Create Many sends several.
					webhookToCreate('qCreateMany', 'q-create-many', 'createMany', { batchSize: 50 }),
					// Fails at the first error, so an execution can be made to fail halfway.
					webhookToCreate('qFailing', 'q-failing', 'create', { maxRetries: 0 }),
					webhookToCreate('qProtected', 'q-protected', 'create', { duplicateProtectionId: '={{ $json.row }}' }),
					webhookToCreate('qBurst', 'q-burst', 'create'),
				]);
				for (const id of ['qNewLinks', 'qCreate', 'qCreateMany', 'qFailing', 'qProtected', 'qBurst']) {
					const published = await cli.cli(['publish:workflow', `--id=${id}`]);
					if (published.code !== 0) throw new Error(`publish of ${id} failed: ${published.stderr}`);
				}
			},
		});
		rest = new N8nRest(cluster.main.url);
		await rest.setupOwner();
	}, 480_000);

	afterAll(async () => {
		await cluster?.stop();
		await collector?.stop();
		await sandbox?.stop();
	});

	test('every process loads the package; the main enqueues and the workers run', async () => {
		expect(cluster.workers).toHaveLength(2);
		const nodeTypes = await rest.nodeTypeNames();
		expect(nodeTypes).toEqual(expect.arrayContaining(['n8n-nodes-linkkit.linkkit', 'n8n-nodes-linkkit.linkkitTrigger']));
		for (const instance of [cluster.main, ...cluster.workers]) {
			const problems = instance.log().split('\n').filter((line) => /linkkit/i.test(line) && /warn|error|fail/i.test(line));
			expect(problems).toEqual([]);
		}
	});

	let burstStarted = 0;
	let burstEnded = 0;
	test('four executions at once (Create and Create Many, 1 000 items) over both workers with one 5 req/s key, no rate-limit headers', async () => {
		const batches = { create: [rowsFor('create-a', 150), rowsFor('create-b', 150)], many: [rowsFor('many-a', 350), rowsFor('many-b', 350)] };
		burstStarted = Date.now();
		await Promise.all([
			...batches.create.map((rows) => postWebhook('q-create', rows)),
			...batches.many.map((rows) => postWebhook('q-create-many', rows)),
		]);
		const executions = [...(await waitForEnded('qCreate', 2, 400_000)), ...(await waitForEnded('qCreateMany', 2, 400_000))];
		burstEnded = Date.now();
		const workers = executions.map((execution) => workerOf(execution.id));

		// The 429 share of everything the one key sent during the burst (the trigger's polls included).
		const window = requestsSince(burstStarted, burstEnded);
		const limited = window.filter((line) => line.status === 429).length;
		console.log(
			`Queue mode, 2 workers, 4 executions, 1 000 items, one key at 5 req/s without rate-limit headers: ${window.length} requests in ` +
				`${((burstEnded - burstStarted) / 1000).toFixed(0)} s (the limit alone allows ${((window.length - limited) / 5).toFixed(0)} s for those that went through), ` +
				`${limited} answered 429 (${share(limited, window.length)}); ` +
				`execution → worker: ${executions.map((execution, i) => `${execution.id}→${workers[i].map((w) => w + 1).join('+')} ${execution.status}`).join(', ')}`,
		);
		for (const execution of executions.filter((run) => run.status !== 'success')) console.log(`Execution ${execution.id}: ${await errorOf(execution.id)}`);

		expect(executions.map((execution) => execution.status)).toEqual(['success', 'success', 'success', 'success']);
		expect(executions.every((execution) => execution.mode === 'webhook')).toBe(true);
		// Spread: each execution ran on exactly one worker, and both workers ran some.
		expect(workers.every((ran) => ran.length === 1)).toBe(true);
		expect(new Set(workers.flat())).toEqual(new Set([0, 1]));

		// Every row exactly once, in the sandbox's own records.
		const byDestination = await linksByDestination(sandbox.url, `https://queue.example.org/${runTag}/`);
		const expected = [...batches.create, ...batches.many].flat().map((row) => row.url);
		expect(Object.keys(byDestination).sort()).toEqual([...expected].sort());
		expect(Object.values(byDestination).filter((count) => count !== 1)).toEqual([]);

		// Not a speed goal: a sanity bound that fails if pacing across processes stops working at all.
		expect(limited / window.length).toBeLessThan(0.5);
	});

	test('the trigger (polled by the main) delivers every new link once, oldest first, across polls while executions ran; its state is in PostgreSQL', async () => {
		const links = await linksMatching(`/${runTag}/`);
		const wanted = new Set(links.map((link) => link.id));
		// The last links were made at most a minute before the next poll; a poll hands on up to 1 000 links.
		const deadline = Date.now() + 240_000;
		const delivered = () => (collector.received.get('/qNewLinks') ?? []) as Array<{ execution: string; item: Link }>;
		while (delivered().filter((entry) => wanted.has(entry.item.id)).length < wanted.size && Date.now() < deadline) await sleep(1000);

		const entries = delivered();
		const ids = entries.map((entry) => entry.item.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.filter((id) => wanted.has(id)).sort()).toEqual([...wanted].sort());
		// Several polls delivered (one execution per poll).
		const polls = [...new Set(entries.map((entry) => entry.execution))].sort((a, b) => Number(a) - Number(b));
		expect(polls.length).toBeGreaterThanOrEqual(2);
		// The last poll's execution may still be saving its result after its last item reached the collector.
		const pollRunsEnded = async () => {
			const until = Date.now() + 60_000;
			for (;;) {
				const runs = (await executionsOf('qNewLinks')).filter((execution) => polls.includes(execution.id));
				if (runs.every((execution) => !['new', 'running'].includes(execution.status)) || Date.now() > until) return runs;
				await sleep(1000);
			}
		};
		const pollRuns = await pollRunsEnded();
		expect(pollRuns.map(({ status, mode }) => `${mode} ${status}`)).toEqual(pollRuns.map(() => 'trigger success'));
		// The main polled while the four executions ran: the sandbox logged the trigger's list reads in that window.
		const pollReads = requestsSince(burstStarted, burstEnded).filter((line) => line.method === 'GET' && line.url.startsWith('/v1/links?'));
		expect(pollReads.length).toBeGreaterThan(0);
		// Oldest first within each poll and from one poll to the next.
		const inOrder = polls.flatMap((poll) => entries.filter((entry) => entry.execution === poll).map((entry) => entry.item.created_at));
		expect([...inOrder].sort()).toEqual(inOrder);
		// The polls' executions ran on the workers like any execution (the main only polls and enqueues) ...
		expect(polls.map((poll) => workerOf(poll).length)).toEqual(polls.map(() => 1));
		// ... and the trigger's mark is the workflow's static data, in the shared PostgreSQL database.
		const staticData = JSON.parse(cluster.postgres.query(`SELECT "staticData" FROM workflow_entity WHERE id = 'qNewLinks'`)) as Record<string, unknown>;
		expect(Object.keys(staticData)).toEqual(['node:Linkkit Trigger']);
		expect(Object.keys(staticData['node:Linkkit Trigger'] as object)).toEqual(['linkkit']);
		console.log(`trigger in queue mode: ${wanted.size} new links delivered once each over ${polls.length} polls; state ${JSON.stringify(staticData).length} bytes`);
		// Proven: unpublish it, so that its polls' executions (every link the later tests make) do not crowd the workers.
		const deactivated = await rest.call('POST', '/rest/workflows/qNewLinks/deactivate', {});
		expect(deactivated.status).toBe(200);
	});

	test('40 webhook calls at once, 5 rows each: 200 links, each row once, no short code shared, no link overwritten', async () => {
		sandbox.setRateLimit(50, 100);
		const calls = Array.from({ length: 40 }, (_, call) =>
			Array.from({ length: 5 }, (__, i) => ({ row: `${call}-${i}`, url: `https://burst.example.org/${runTag}/${call}/${i}` })),
		);
		const started = Date.now();
		await Promise.all(calls.map((rows) => postWebhook('q-burst', rows)));
		const executions = await waitForEnded('qBurst', 40, 400_000);
		const seconds = (Date.now() - started) / 1000;
		for (const execution of executions.filter((run) => run.status !== 'success')) console.log(`Execution ${execution.id}: ${await errorOf(execution.id)}`);
		expect(executions).toHaveLength(40);
		expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);

		// The sandbox's own count: every row's URL has exactly one link.
		const expected = calls.flat().map((row) => row.url);
		const byDestination = await linksByDestination(sandbox.url, `https://burst.example.org/${runTag}/`);
		expect(Object.keys(byDestination).sort()).toEqual([...expected].sort());
		expect(Object.values(byDestination).filter((count) => count !== 1)).toEqual([]);
		// 200 links under 200 different codes, each pointing where its row said, none changed after it was created.
		const links = await linksMatching(`burst.example.org/${runTag}/`);
		expect(links).toHaveLength(200);
		expect(new Set(links.map((link) => link.short_code)).size).toBe(200);
		expect(links.map((link) => link.original_url).sort()).toEqual([...expected].sort());
		expect(links.filter((link) => link.updated_at !== link.created_at)).toEqual([]);
		// An upsert onto a shared code would have been a second PUT to it, answered 200 (an update): each of the 200
		// codes got one PUT, answered 201.
		const codes = new Set(links.map((link) => `/v1/links/${link.short_code}`));
		const puts = createsSince(started).filter((r) => r.method === 'PUT' && codes.has(r.url));
		const answered = puts.filter((r) => r.status !== 429);
		expect(answered.map((r) => r.status)).toEqual(answered.map(() => 201));
		expect(answered).toHaveLength(200);
		expect(new Set(answered.map((r) => r.url)).size).toBe(200);

		// Why: each execution drew its own key into its flow context, even those n8n established in the same millisecond.
		const stored = await Promise.all(executions.map(async (execution) => await runDataOf(execution.id)));
		const keys = stored.map((data) => data.executionData?.contextData?.flow?.linkkitExecutionKey);
		expect(keys.every((key) => typeof key === 'string' && key.length > 0)).toBe(true);
		expect(new Set(keys).size).toBe(40);
		const established = stored.map((data) => data.executionData?.runtimeData?.establishedAt);
		const sameMs = established.filter((at) => at !== undefined && established.filter((other) => other === at).length > 1).length;
		const limited = requestsSince(started).filter((r) => r.status === 429).length;
		console.log(
			`webhook burst: 40 executions × 5 rows in ${seconds.toFixed(0)} s, ${links.length} links under ${new Set(links.map((l) => l.short_code)).size} codes, ` +
				`${puts.length} PUTs (${limited} answered 429, ${share(limited, requestsSince(started).length)} of all requests); ` +
				`${sameMs} executions shared their establishedAt millisecond with another (${new Set(established).size} distinct moments), ` +
				`${new Set(keys).size} distinct flow-context keys`,
		);
		sandbox.setRateLimit(5, 5);
	});

	test("n8n's Retry of a failed execution re-sends the first attempt's codes (same links, answered 200) and creates only the rest", async () => {
		sandbox.setRateLimit(50, 100);
		const rows = rowsFor('failing', 60);
		const started = Date.now();
		await postWebhook('q-failing', rows);
		// Let about a third through, then make Linkkit fail every request: the node stops at the next item.
		const deadline = Date.now() + 120_000;
		while (createsSince(started).filter((r) => r.status === 201).length < 20) {
			if (Date.now() > deadline) throw new Error('Fewer than 20 links within 2 minutes');
			await sleep(20);
		}
		sandbox.setFaults({ rate: 1 });
		const [failed] = await waitForEnded('qFailing', 1, 120_000);
		sandbox.setFaults({ rate: 0 });
		expect(failed.status).toBe('error');
		const firstAttempt = await linksMatching(`/${runTag}/failing/`);
		expect(firstAttempt.length).toBeGreaterThanOrEqual(20);
		expect(firstAttempt.length).toBeLessThan(60);

		// What the executions list's "Retry" (with the original workflow) sends.
		const retried = Date.now();
		const retry = await rest.call<Execution>('POST', `/rest/executions/${failed.id}/retry`, { loadWorkflow: false });
		expect(retry.status).toBe(200);
		expect(retry.body).toEqual(expect.objectContaining({ status: 'success', mode: 'retry', retryOf: failed.id }));
		expect(retry.body.id).not.toBe(failed.id);

		const after = await linksMatching(`/${runTag}/failing/`);
		expect(after.map((link) => link.original_url).sort()).toEqual(rows.map((row) => row.url).sort());
		// The links of the first attempt are the same objects, not copies: the retry sent their codes again.
		expect(after.map((link) => link.id)).toEqual(expect.arrayContaining(firstAttempt.map((link) => link.id)));
		const retryPuts = createsSince(retried).filter((r) => r.method === 'PUT' && r.status !== 429);
		const firstCodes = new Set(firstAttempt.map((link) => `/v1/links/${link.short_code}`));
		expect(retryPuts.filter((r) => firstCodes.has(r.url)).map((r) => r.status)).toEqual(firstAttempt.map(() => 200));
		expect(retryPuts.filter((r) => !firstCodes.has(r.url)).map((r) => r.status)).toEqual(Array.from({ length: 60 - firstAttempt.length }, () => 201));

		// Why: n8n gives the retry a new execution id but hands it the failed execution's saved data, flow context included.
		const [failedKey, retryKey] = await Promise.all([flowKeyOf(failed.id), flowKeyOf(retry.body.id)]);
		expect(typeof failedKey).toBe('string');
		expect(retryKey).toBe(failedKey);
		const [original, again] = await Promise.all([runDataOf(failed.id), runDataOf(retry.body.id)]);
		expect(again.executionData?.runtimeData).toEqual(expect.objectContaining({ establishedAt: original.executionData?.runtimeData?.establishedAt }));
		console.log(
			`Retry: execution ${failed.id} failed after ${firstAttempt.length} of 60 links; its Retry ${retry.body.id} sent ${retryPuts.length} PUTs ` +
				`(${retryPuts.filter((r) => r.status === 200).length} answered 200 for the first attempt's codes, ${retryPuts.filter((r) => r.status === 201).length} created); ` +
				`flow-context key inherited: ${retryKey === failedKey}`,
		);

		// A new execution with the same rows is not a retry: it draws a new key and, without Duplicate Protection ID, creates them again.
		await postWebhook('q-failing', rows);
		const executions = await waitForEnded('qFailing', 3, 120_000);
		const fresh = executions[executions.length - 1];
		expect(fresh.status).toBe('success');
		expect(await flowKeyOf(fresh.id)).not.toBe(failedKey);
		expect(await linksMatching(`/${runTag}/failing/`)).toHaveLength(120);
	});

	test('a worker killed mid-execution: n8n neither re-runs nor can retry it; sending the rows again with Duplicate Protection ID completes them once', async () => {
		sandbox.setRateLimit(5, 5);
		const rows = rowsFor('killed', 60);
		const started = Date.now();
		await postWebhook('q-protected', rows);
		let victim: number[] = [];
		let execution: Execution | undefined;
		const deadline = Date.now() + 120_000;
		while (!execution || victim.length === 0) {
			if (Date.now() > deadline) throw new Error(`No worker started the execution within 2 minutes (${JSON.stringify(execution)})`);
			[execution] = await executionsOf('qProtected');
			if (execution) victim = workerOf(execution.id);
			await sleep(100);
		}
		while (createsSince(started).filter((r) => r.status === 201).length < 15) {
			if (Date.now() > deadline) {
				const [now] = await executionsOf('qProtected');
				throw new Error(`Fewer than 15 links within 2 minutes; the execution is "${now?.status}": ${now ? await errorOf(now.id) : ''}`);
			}
			await sleep(20);
		}
		process.kill(cluster.workers[victim[0]].pid as number, 'SIGKILL');
		const killedAt = Date.now();
		await sleep(2000);
		const atKill = (await linksMatching(`/${runTag}/killed/`)).length;
		expect(atKill).toBeGreaterThanOrEqual(15);
		expect(atKill).toBeLessThan(60);

		// n8n notices the dead worker once its job lock lapses and fails the execution: no worker runs it again.
		const [crashed] = await waitForEnded('qProtected', 1, 180_000);
		console.log(`SIGKILL of worker ${victim[0] + 1} after ${atKill} of 60 links: n8n marked execution ${crashed.id} "${crashed.status}" ${((Date.now() - killedAt) / 1000).toFixed(0)} s later`);
		expect(crashed.status).toBe('error');
		expect(createsSince(killedAt + 1000)).toEqual([]);
		expect(await errorOf(crashed.id)).toMatch(/failed to be processed too many times/);

		// The user's Retry: n8n threw the execution's progress away, so the retry has nothing to run.
		const retried = Date.now();
		const retry = await rest.call<Execution>('POST', `/rest/executions/${crashed.id}/retry`, { loadWorkflow: false });
		expect(retry.status).toBe(200);
		expect(retry.body).toEqual(expect.objectContaining({ mode: 'retry', retryOf: crashed.id, status: 'error' }));
		expect(createsSince(retried)).toEqual([]);
		expect(await linksMatching(`/${runTag}/killed/`)).toHaveLength(atKill);

		// What the user must do: send the same rows again. The surviving worker runs it; with Duplicate Protection ID
		// the rows the killed worker already created come back as they are (their codes sent again, answered 200), the
		// rest are created.
		const resentAt = Date.now();
		await postWebhook('q-protected', rows);
		const executions = await waitForEnded('qProtected', 3, 240_000);
		const resent = executions[executions.length - 1];
		expect(resent.status).toBe('success');
		expect(workerOf(resent.id)).toEqual([1 - victim[0]]);
		const links = await linksMatching(`/${runTag}/killed/`);
		expect(links.map((link) => link.original_url).sort()).toEqual(rows.map((row) => row.url).sort());
		const resentPuts = createsSince(resentAt).filter((r) => r.method === 'PUT' && r.status !== 429);
		expect(resentPuts.filter((r) => r.status === 200)).toHaveLength(atKill);
	});

	test('a worker without the package fails every Linkkit execution, so every worker needs it', async () => {
		// Only the new worker may take the job.
		await Promise.all(cluster.workers.map((worker) => worker.stop()));
		const bare = await cluster.addWorker({ withPackage: false });
		const started = Date.now();
		await postWebhook('q-create', rowsFor('no-package', 1));
		const executions = await waitForEnded('qCreate', 3, 120_000);
		const last = executions[executions.length - 1];
		expect(last.status).toBe('error');
		expect(workerOf(last.id)).toEqual([cluster.workers.indexOf(bare)]);
		expect(await errorOf(last.id)).toMatch(/Unrecognized node type: n8n-nodes-linkkit\.linkkit/);
		expect(createsSince(started)).toEqual([]);
	});

	test('no process log holds the API key', () => {
		for (const instance of [cluster.main, ...cluster.workers]) {
			expect(instance.log()).not.toContain(sandbox.apiKey);
			expect(readFileSync(instance.logFile, 'utf8')).not.toContain(sandbox.apiKey);
		}
	});
});
