/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- dev-only benchmark, never shipped in the n8n package */
/**
 * The machine a run measured on, and what else kept it busy: on a shared machine, the ratios (measured side by
 * side in one run) carry over; absolute times do not. Other processes are named by program and worktree only,
 * never by their arguments (which may hold keys).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { N8N_VERSION } from '../../scripts/n8n/provision';

export interface Machine {
	cores: number;
	cpuModel: string;
	memoryGb: number;
	node: string;
	n8n: string;
	/** 1-minute load average when the run started and ended. */
	loadAtStart: number;
	loadAtEnd?: number;
	/** Busiest other processes at the start, e.g. "jest (wt/faults)". */
	othersAtStart: string[];
	othersAtEnd?: string[];
}

/** Processes using a noticeable share of a core, summarised as "program (worktree)", ours left out. */
export function busyOthers(): string[] {
	let listing = '';
	try {
		listing = execFileSync('ps', ['-eo', 'pid=,pcpu=,args='], { encoding: 'utf8' });
	} catch {
		return [];
	}
	const counts = new Map<string, number>();
	for (const line of listing.split('\n')) {
		const match = /^\s*(\d+)\s+([\d.]+)\s+(.*)$/.exec(line);
		if (!match || Number(match[1]) === process.pid || Number(match[2]) < 5) continue;
		const args = match[3];
		if (/^ps\b/.test(args)) continue;
		const program = /n8n(\/bin)?\/n8n\b|n8n start|n8n worker/.test(args)
			? 'n8n'
			: /jest/.test(args)
				? 'jest'
				: /tsx|sandbox\/cli/.test(args)
					? 'tsx'
					: /postgres/.test(args)
						? 'postgres'
						: /redis/.test(args)
							? 'redis'
							: (args.split(/\s+/)[0].split('/').pop() ?? 'other');
		const worktree = /\/work\/wt\/([\w-]+)\//.exec(args)?.[1];
		if (worktree === 'throughput') continue;
		const name = worktree ? `${program} (wt/${worktree})` : program;
		counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	return [...counts.entries()].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name));
}

export function describeMachine(): Machine {
	const cpu = cpus();
	return {
		cores: cpu.length,
		cpuModel: cpu[0]?.model.trim() ?? 'unknown',
		memoryGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		n8n: N8N_VERSION,
		loadAtStart: Math.round(loadavg()[0] * 100) / 100,
		othersAtStart: busyOthers(),
	};
}

export function finishMachine(machine: Machine): Machine {
	return { ...machine, loadAtEnd: Math.round(loadavg()[0] * 100) / 100, othersAtEnd: busyOthers() };
}

export interface LoadSamples {
	everySeconds: number;
	/** 1-minute load averages, in order. */
	samples: number[];
	median: number;
	max: number;
}

/** Samples the 1-minute load average while a run goes on (the machine is shared: the figures need it beside them). */
export function sampleLoad(everySeconds = 30): { stop(): LoadSamples } {
	const samples = [Math.round(loadavg()[0] * 100) / 100];
	const timer = setInterval(() => samples.push(Math.round(loadavg()[0] * 100) / 100), everySeconds * 1000);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			const sorted = [...samples].sort((a, b) => a - b);
			return { everySeconds, samples, median: sorted[Math.floor((sorted.length - 1) / 2)], max: sorted[sorted.length - 1] };
		},
	};
}
