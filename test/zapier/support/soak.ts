/**
 * Exactly-once soaks: many Create Link runs, each with its own destination, each step run again as Zapier would
 * (same input, same z.cache) until it succeeds, while the sandbox injects faults. Afterwards every run must have
 * exactly one link: none lost, none doubled, and the link the step handed on is the one that exists.
 */
import { collect } from '../../../core';
import { realClient } from '../../support/fetch-port';
import type { RunningSandbox } from '../../support/sandbox';
import { zapierErrorOf, type Item } from './app';

/**
 * Faults that lose answers after Linkkit acted (commit-drop, commit-500), stall, or fail before acting: about half of
 * all requests, so that besides the retries inside a step some steps fail as a whole and are run again.
 */
export const CREATE_FAULTS = { commitDrop: 0.3, commit500: 0.2, stall: 0.02, stallMs: 15_000, drop: 0.03, rate: 0.03 };

export interface SoakRun {
	index: number;
	url: string;
	attempts: number;
	output?: Item;
	failures: string[];
}

export interface SoakCount {
	runs: number;
	succeeded: number;
	lost: number;
	doubled: number;
	wrongOutput: number;
	attempts: number;
	/** How the failed attempts failed (Zapier error names), to show the faults were real. */
	failureKinds: Record<string, number>;
}

/** Runs `count` Zap runs, `concurrency` at a time; each step is run again after a failure, up to `maxAttempts`. */
export async function soakCreates(step: (inputData: Item) => Promise<Item>, prefix: string, count: number, concurrency = 8, maxAttempts = 8): Promise<SoakRun[]> {
	const runs: SoakRun[] = Array.from({ length: count }, (_, index) => ({ index, url: `https://soak.example.org/${prefix}/${index}`, attempts: 0, failures: [] }));
	let next = 0;
	const lane = async () => {
		while (next < runs.length) {
			const current = runs[next++];
			while (!current.output && current.attempts < maxAttempts) {
				current.attempts++;
				try {
					current.output = await step({ original_url: current.url, title: `Soak ${current.index}` });
				} catch (error) {
					current.failures.push(zapierErrorOf(error).name);
				}
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, lane));
	return runs;
}

/** Counts the soak's links in the sandbox (read with faults off) against what each run was handed. */
export async function countSoak(sandbox: RunningSandbox, prefix: string, runs: SoakRun[]): Promise<SoakCount> {
	const { client } = realClient(sandbox.url, sandbox.apiKey);
	const links = await collect(client.links.iterate({ search: `soak.example.org/${prefix}/` }, { returnAll: true }));
	const byUrl = new Map<string, string[]>();
	for (const link of links) byUrl.set(link.original_url, [...(byUrl.get(link.original_url) ?? []), link.id]);
	const failureKinds: Record<string, number> = {};
	for (const run of runs) for (const kind of run.failures) failureKinds[kind] = (failureKinds[kind] ?? 0) + 1;
	return {
		runs: runs.length,
		succeeded: runs.filter((run) => run.output).length,
		lost: runs.filter((run) => !byUrl.has(run.url)).length,
		doubled: runs.filter((run) => (byUrl.get(run.url)?.length ?? 0) > 1).length,
		wrongOutput: runs.filter((run) => run.output && !(byUrl.get(run.url) ?? []).includes(String(run.output.id))).length,
		attempts: runs.reduce((sum, run) => sum + run.attempts, 0),
		failureKinds,
	};
}
