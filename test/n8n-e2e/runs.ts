/**
 * A headless run of an imported workflow (`n8n execute --id … --rawOutput`), its result read back from n8n's own
 * record of the execution (see N8nRest.executionSince: the printed JSON can be cut short when it is large).
 */
import type { RunningN8n } from '../../scripts/n8n/instance';
import type { N8nRest } from '../../scripts/n8n/rest';

export interface HeadlessRun {
	/** `n8n execute` exited 0 and n8n stored the execution as a success. */
	ok: boolean;
	/** `{ data: <run data> }`, the shape `--rawOutput` prints (what nodeOutput and n8nOutcomes read). */
	data: { data: Record<string, unknown> };
	/** What the CLI printed (for failures, and for the key scan). */
	output: string;
	executionId: string;
	status: string;
}

export async function runHeadless(n8n: RunningN8n, rest: N8nRest, workflowId: string): Promise<HeadlessRun> {
	const started = Date.now();
	const run = await n8n.execute(workflowId);
	const stored = await rest.executionSince(workflowId, started);
	return { ok: run.ok && stored.status === 'success', data: { data: stored.data }, output: run.output, executionId: stored.id, status: stored.status };
}
