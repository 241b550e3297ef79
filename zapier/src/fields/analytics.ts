/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/**
 * The date range and segment filter that both analytics searches offer. From and To appear only when Date Range is
 * Custom (the core refuses dates beside a preset, so showing them otherwise would invite input that cannot be used).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { datePresetChoices } from '../../../core';
import { segmentField } from './dropdowns';


const fromField = {
	key: 'from',
	label: 'From',
	type: 'datetime' as const,
	required: true,
	helpText: 'Start of the period, in UTC, e.g. 2026-01-01.',
};
const toField = {
	key: 'to',
	label: 'To',
	type: 'datetime' as const,
	required: false,
	helpText: 'End of the period, in UTC. Leave empty to count up to now.',
};

/** From and To, shown only once Date Range is Custom. */
export function customRangeFields(_z: ZObject, bundle: Bundle) {
	return bundle.inputData.dateRange === 'custom' ? [fromField, toField] : [];
}

const segmentFilter = segmentField({ required: false, helpText: 'Count only visitors in this segment. Leave empty for all visitors.' });
const dateRangeField = {
	key: 'dateRange',
	label: 'Date Range',
	required: true,
	default: 'last30Days',
	altersDynamicFields: true,
	choices: datePresetChoices.map(({ value, label }) => ({ value, label: value === 'custom' ? `${label} (choose From and To)` : label, sample: value })),
	helpText: 'The period to count clicks in, in UTC. Choose Custom to enter your own From and To dates.',
};

export const analyticsRangeFields = [segmentFilter, dateRangeField, customRangeFields];

/** Every field these searches may show, for naming fields in messages (the dynamic ones included). */
export const analyticsRangeLabels = [segmentFilter, dateRangeField, fromField, toField];
