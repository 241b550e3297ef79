/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * Every trigger, action and search runs through `linkkitPerform`: it builds the step's Linkkit client (with the
 * step's time budget) and turns whatever goes wrong into the Zapier error for it, with field names as that step
 * labels them.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { LinkkitClient } from '../../core';
import { linkkitClient } from './client';
import { toZapierError, type ErrorContext, type LabelledField } from './errors';
import { authFields } from './fields/auth';
import { StepBudget } from './step-budget';

export type LinkkitRun<T> = (client: LinkkitClient, bundle: Bundle, z: ZObject) => Promise<T>;

export function linkkitPerform<T>(fields: readonly LabelledField[], run: LinkkitRun<T>, context: ErrorContext = {}) {
	const labels = [...fields, ...authFields];
	return async (z: ZObject, bundle: Bundle): Promise<T> => {
		try {
			return await run(linkkitClient(z, bundle, new StepBudget()), bundle, z);
		} catch (error) {
			throw toZapierError(z, error, labels, context);
		}
	};
}
